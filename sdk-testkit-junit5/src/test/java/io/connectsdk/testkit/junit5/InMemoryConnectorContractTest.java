package io.connectsdk.testkit.junit5;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Json;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.testkit.ConnectorOperation;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.FaultScript;
import io.connectsdk.testkit.InMemoryConnector;
import java.time.Duration;
import java.util.Optional;

/** The in-memory connector passes the contract it offers to connector authors. */
class InMemoryConnectorContractTest extends ConnectorContractTest {
  static final EntityType TYPE = EntityType.CUSTOMER;

  static InMemoryConnector newInMemory() {
    InMemoryConnector connector = InMemoryConnector.builder()
        .system("memory")
        .type(TYPE, Capabilities.readWrite(20).withDelete())
        .naturalKey(TYPE, "external_id")
        .clock(FakeClock.at("2026-11-22T10:00:00Z"))
        .build();
    return rejectingInvalid(connector);
  }

  /** Scripts the rejection behind {@link #invalidRecordFields()}. */
  static InMemoryConnector rejectingInvalid(InMemoryConnector connector) {
    connector.faults().rejectWhere(f -> f.has("invalid"), ErrorKind.PERMANENT, "RecordInvalid",
        "record marked invalid");
    return connector;
  }

  static ObjectNode customer(int i) {
    return Json.object().put("external_id", "C" + i).put("name", "Customer " + i)
        .put("balance", new java.math.BigDecimal(i + ".50"));
  }

  static boolean script(Connector connector, ConnectorOperation op, ErrorKind kind) {
    FaultScript faults = ((InMemoryConnector) connector).faults();
    switch (kind) {
      case TRANSIENT -> faults.failNext(op, 1);
      case RATE_LIMITED -> faults.rateLimitNext(op, 1, Duration.ofSeconds(1));
      case AUTHENTICATION -> faults.authFailNext(op, 1);
      case PERMANENT -> faults.permanentFailNext(op, 1);
    }
    return true;
  }

  @Override
  protected Connector newConnector() {
    return newInMemory();
  }

  @Override
  protected EntityType entityType() {
    return TYPE;
  }

  @Override
  protected ObjectNode newRecordFields(int i) {
    return customer(i);
  }

  @Override
  protected ObjectNode changedFields(ObjectNode fields) {
    return fields.deepCopy().put("name", fields.get("name").asText() + " (changed)");
  }

  @Override
  protected Optional<ObjectNode> invalidRecordFields() {
    return Optional.of(Json.object().put("invalid", true));
  }

  @Override
  protected Optional<String> uniqueField() {
    return Optional.of("external_id");
  }

  @Override
  protected boolean failNextCall(Connector connector, ErrorKind kind) {
    return script(connector, ConnectorOperation.READ, kind);
  }
}
