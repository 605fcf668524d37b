package io.connectsdk.testkit.junit5.example;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.testkit.junit5.ConnectorContractTest;
import io.connectsdk.testkit.InMemoryConnector;

/** A connector author's view: extending the contract from another package needs public API only. */
class OtherPackageContractTest extends ConnectorContractTest {

  @Override
  protected Connector newConnector() {
    return InMemoryConnector.builder().system("vendors")
        .type(EntityType.VENDOR, Capabilities.readWrite(10)).build();
  }

  @Override
  protected EntityType entityType() {
    return EntityType.VENDOR;
  }

  @Override
  protected ObjectNode newRecordFields(int i) {
    return Json.object().put("code", "V" + i).put("name", "Vendor " + i);
  }

  @Override
  protected ObjectNode changedFields(ObjectNode fields) {
    return Json.object().put("name", "renamed");
  }
}
