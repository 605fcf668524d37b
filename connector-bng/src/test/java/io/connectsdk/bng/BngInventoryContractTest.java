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

/** The connector contract for inventory levels ({@code PUT /inventory/{sku}/{location}}). */
class BngInventoryContractTest extends ConnectorContractTest {
  private TestBng bng;

  @Override
  protected Connector newConnector() {
    bng = TestBng.start();
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
    return EntityType.INVENTORY_LEVEL;
  }

  @Override
  protected ObjectNode newRecordFields(int i) {
    return Json.object().put("sku", "SKU-1").put("location", "WH-" + i).put("on_hand", 10 + i);
  }

  @Override
  protected ObjectNode changedFields(ObjectNode fields) {
    return fields.deepCopy().put("on_hand", fields.get("on_hand").asInt() + 5);
  }

  @Override
  protected Optional<ObjectNode> invalidRecordFields() {
    return Optional.of(Json.object().put("sku", "NO-SUCH-SKU").put("location", "WH-X")
        .put("on_hand", 1));
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
