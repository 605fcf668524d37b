package com.example.crm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.testkit.junit5.ConnectorContractTest;
import java.util.Optional;

/** The SDK's connector contract, run by this application's own JUnit. */
class PhoneBookContractTest extends ConnectorContractTest {

  @Override
  protected Connector newConnector() {
    return new PhoneBookConnector();
  }

  @Override
  protected EntityType entityType() {
    return EntityType.CUSTOMER;
  }

  @Override
  protected ObjectNode newRecordFields(int i) {
    return Json.object().put("email", "c" + i + "@example.com").put("name", "Customer " + i);
  }

  @Override
  protected ObjectNode changedFields(ObjectNode fields) {
    return fields.deepCopy().put("name", fields.path("name").asText() + " (moved)");
  }

  @Override
  protected Optional<ObjectNode> invalidRecordFields() {
    return Optional.of(Json.object().put("name", "no e-mail"));
  }

  @Override
  protected Optional<String> uniqueField() {
    return Optional.of("email");
  }
}
