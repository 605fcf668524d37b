package io.connectsdk.testkit.junit5;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.testkit.ConnectorOperation;
import io.connectsdk.testkit.InMemoryConnector;

/**
 * A read-only type passes the contract when records are created behind the connector's back; the
 * write tests are skipped by assumption.
 */
class InMemoryReadOnlyContractTest extends ConnectorContractTest {
  private static final EntityType ITEM = EntityType.ITEM;
  private int next;

  @Override
  protected Connector newConnector() {
    return InMemoryConnector.builder().system("erp").type(ITEM, Capabilities.readOnly()).build();
  }

  @Override
  protected EntityType entityType() {
    return ITEM;
  }

  @Override
  protected ObjectNode newRecordFields(int i) {
    return InMemoryConnectorContractTest.customer(i);
  }

  @Override
  protected ObjectNode changedFields(ObjectNode fields) {
    return fields.deepCopy().put("name", "renamed");
  }

  @Override
  protected String createInRemote(Connector connector, ObjectNode fields) {
    String id = "ITEM-" + (++next);
    ((InMemoryConnector) connector).put(Entity.builder(ITEM, id).fields(fields).build());
    return id;
  }

  @Override
  protected void changeInRemote(Connector connector, String id, ObjectNode fields) {
    InMemoryConnector memory = (InMemoryConnector) connector;
    ObjectNode merged = memory.record(ITEM, id).orElseThrow().fields();
    merged.setAll(fields);
    memory.put(Entity.builder(ITEM, id).fields(merged).build());
  }

  @Override
  protected boolean failNextCall(Connector connector, ErrorKind kind) {
    return InMemoryConnectorContractTest.script(connector, ConnectorOperation.READ, kind);
  }
}
