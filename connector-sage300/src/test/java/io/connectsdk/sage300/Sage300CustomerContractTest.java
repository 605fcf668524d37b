package io.connectsdk.sage300;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Json;
import io.connectsdk.core.Secret;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.simulators.sage300.Sage300Fault;
import io.connectsdk.simulators.sage300.Sage300Simulator;
import io.connectsdk.testkit.junit5.ConnectorContractTest;
import java.util.Optional;
import okhttp3.HttpUrl;

/** The SDK's connector contract for CUSTOMER, against the Sage 300 simulator. */
class Sage300CustomerContractTest extends ConnectorContractTest {
  private Sage300Simulator sim;

  @Override
  protected Connector newConnector() {
    sim = Sage300Simulator.builder().pageSize(4).build().start();
    // no retries: the failure tests script exactly one failed answer
    return Sage300Connector.builder().baseUrl(HttpUrl.get(sim.baseUrl())).company("SAMINC")
        .user("WEBAPI").password(Secret.of("WEBAPI")).pageSize(4)
        .resiliencePolicy(ResiliencePolicy.none()).build();
  }

  @Override
  protected void closeConnector(Connector connector) {
    connector.close();
    sim.close();
  }

  @Override
  protected EntityType entityType() {
    return EntityType.CUSTOMER;
  }

  @Override
  protected ObjectNode newRecordFields(int i) {
    return Json.object().put("CustomerNumber", "CT" + i).put("ShortName", "Short" + i)
        .put("GroupCode", "RTL").put("TaxGroup", "CALIF").put("CustomerName", "Customer " + i)
        .put("CreditLimitCustomerCurrency", new java.math.BigDecimal("1000.50"));
  }

  @Override
  protected ObjectNode changedFields(ObjectNode fields) {
    return fields.deepCopy().put("CustomerName", fields.path("CustomerName").asText() + " v2");
  }

  @Override
  protected Optional<ObjectNode> invalidRecordFields() {
    return Optional.of(Json.object().put("CustomerNumber", "BAD1").put("ShortName", "x"));
  }

  @Override
  protected Optional<String> uniqueField() {
    return Optional.of("CustomerName");
  }

  @Override
  protected String unknownId() {
    return "NOSUCH";
  }

  @Override
  protected boolean failNextCall(Connector connector, ErrorKind kind) {
    sim.script(switch (kind) {
      case TRANSIENT -> Sage300Fault.sessionError();
      case RATE_LIMITED -> Sage300Fault.tooManyRequests();
      case AUTHENTICATION -> Sage300Fault.error(403, "Forbidden", "No Web API right.");
      case PERMANENT -> Sage300Fault.error(400, "InvalidParameters", "Bad query.");
    });
    return true;
  }
}
