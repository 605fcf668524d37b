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

/** The SDK's connector contract, against the BNG simulator (strict idempotency keys). */
class BngCustomerContractTest extends ConnectorContractTest {
  private TestBng bng;

  @Override
  protected Connector newConnector() {
    bng = TestBng.start();
    return bng.connector().build();
  }

  @Override
  protected void closeConnector(Connector connector) {
    connector.close();
    bng.close();
  }

  @Override
  protected EntityType entityType() {
    return EntityType.CUSTOMER;
  }

  @Override
  protected ObjectNode newRecordFields(int i) {
    return Json.object().put("external_id", "C" + (1000 + i)).put("company_name", "Company " + i)
        .put("email", "c" + i + "@example.com").put("credit_limit", "5000.00")
        .put("status", "active");
  }

  @Override
  protected ObjectNode changedFields(ObjectNode fields) {
    return fields.deepCopy().put("company_name", fields.get("company_name").asText() + " (changed)")
        .put("credit_limit", "7500.00");
  }

  @Override
  protected Optional<ObjectNode> invalidRecordFields() {
    return Optional.of(Json.object().put("external_id", "BAD").put("company_name", "Bad")
        .put("email", "not-an-email"));
  }

  @Override
  protected Optional<String> uniqueField() {
    return Optional.of("external_id");
  }

  @Override
  protected String unknownId() {
    return "cus_999999999999";
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
