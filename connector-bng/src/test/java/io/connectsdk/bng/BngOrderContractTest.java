package io.connectsdk.bng;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Json;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.simulators.base.SimFault;
import io.connectsdk.testkit.junit5.ConnectorContractTest;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;

/** The connector contract for sales orders (lines inline), against the BNG simulator. */
class BngOrderContractTest extends ConnectorContractTest {
  private TestBng bng;
  private String customer;

  @Override
  protected Connector newConnector() {
    bng = TestBng.start();
    customer = bng.sim.seed("customers", Json.object().put("company_name", "Acme"))
        .get("id").asText();
    bng.sim.seed("items", Json.object().put("sku", "SKU-1").put("name", "Hammer"));
    return bng.connector().build();
  }

  @Override
  protected void closeConnector(Connector connector) {
    connector.close();
    bng.close();
  }

  @Override
  protected EntityType entityType() {
    return EntityType.SALES_ORDER;
  }

  @Override
  protected ObjectNode newRecordFields(int i) {
    ObjectNode order = Json.object().put("external_id", "SO" + (1000 + i))
        .put("order_number", "SO-" + (1000 + i)).put("customer_id", customer)
        .put("currency", "USD").put("status", "pending");
    order.putArray("lines").add(Json.object().put("line_id", "1").put("sku", "SKU-1")
        .put("quantity", 1 + i).put("unit_price", "9.50"));
    return order;
  }

  @Override
  protected ObjectNode changedFields(ObjectNode fields) {
    return fields.deepCopy().put("status", "processing");
  }

  @Override
  protected Optional<ObjectNode> invalidRecordFields() {
    return Optional.of(Json.object().put("external_id", "BAD").put("customer_id", "cus_nope"));
  }

  @Override
  protected Optional<String> uniqueField() {
    return Optional.of("external_id");
  }

  @Override
  protected String unknownId() {
    return "ord_999999999999";
  }

  @Override
  protected void letTimePass() {
    bng.clock.advance(Duration.ofMillis(1500));
  }

  @Override
  protected boolean failNextCall(Connector connector, ErrorKind kind) {
    // the connector's policy retries transient and rate-limited calls 5 times: fail them all
    switch (kind) {
      case TRANSIENT -> bng.sim.faults().script(Collections.nCopies(5, SimFault.error(503)));
      case RATE_LIMITED -> bng.sim.faults().script(Collections.nCopies(5, SimFault.error(429)));
      // the bearer auth renews the token once and replays: refuse both
      case AUTHENTICATION -> bng.sim.faults().script(
          SimFault.error(401, "unauthorized", "revoked"),
          SimFault.error(401, "unauthorized", "revoked"));
      case PERMANENT -> bng.sim.faults().script(SimFault.error(404, "not_found", "gone"));
    }
    return true;
  }
}
