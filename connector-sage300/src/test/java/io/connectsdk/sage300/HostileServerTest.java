package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.spi.WriteResult.Status;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The defects a hostile-server review reproduced, one test each. */
class HostileServerTest {
  private static final String ORDERS = "/Sage300WebApi/v1.0/-/SAMINC/OE/OEOrders";
  private final MockWebServer server = new MockWebServer();
  private Sage300Connector connector;

  @BeforeEach
  void start() throws Exception {
    server.start();
    connector = TestConnectors.builder(server, TestConnectors.clock()).build();
  }

  @AfterEach
  void stop() {
    connector.close();
    server.close();
  }

  private void reply(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  @Test
  void find_selfReferencingNextLink_stopsInsteadOfLoopingForEver() {
    String self = "{\"value\":[{\"CustomerNumber\":\"1\",\"Email\":\"a@b\"}],"
        + "\"@odata.nextLink\":\"ARCustomers?$filter=Email%20eq%20'a@b'&$skip=1\"}";
    for (int i = 0; i < 3; i++) {
      reply(200, self);
    }
    assertThatThrownBy(() -> connector.find(EntityType.CUSTOMER, "Email", "a@b"))
        .isInstanceOf(PermanentException.class).hasMessageContaining("repeats");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void write_orderReferenceLookupWithSelfReferencingNextLink_doesNotLoop() {
    String self = "{\"value\":[],\"@odata.nextLink\":\"OEOrders?$skip=5\"}";
    for (int i = 0; i < 3; i++) {
      reply(200, self);
    }
    ObjectNodeHolder order = new ObjectNodeHolder();
    assertThatThrownBy(() -> connector.write(EntityType.SALES_ORDER, List.of(
        WriteRequest.upsert(Optional.empty(), order.order(), "bng:sales_order:1", "k"))))
        .isInstanceOf(PermanentException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void get_bodyOverTheCap_isAClearErrorNotOutOfMemory() {
    connector.close();
    connector = TestConnectors.builder(server, TestConnectors.clock())
        .httpOptions(io.connectsdk.http.HttpOptions.builder().maxResponseBytes(4096).build())
        .build();
    // streamed without a length, as a 2 GB answer would be: reading stops at the cap
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody(new Buffer().writeUtf8(
        "{\"CustomerNumber\":\"1\",\"Comment\":\"" + "x".repeat(100_000) + "\"}"), 1024).build());
    assertThatThrownBy(() -> connector.get(EntityType.CUSTOMER, "1"))
        .isInstanceOf(PermanentException.class).hasMessageContaining("larger than");
  }

  @Test
  void write_htmlPageWith200OnPost_isNeverASuccessfulWrite() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
          .body("<html><body>Runtime Error</body></html>").build());
    }
    WriteResult r = connector.write(EntityType.CUSTOMER, List.of(WriteRequest.upsert(
        Optional.of("1200"), Json.object().put("ShortName", "x"), "s", "k"))).get(0);
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.error()).get().satisfies(e -> assertThat(e.kind().isRetryable()).isTrue());
  }

  @Test
  void get_answerForAnotherKey_isAnErrorNotThatRecord() {
    reply(200, "{\"CustomerNumber\":\"B\",\"CustomerName\":\"Somebody else\"}");
    assertThatThrownBy(() -> connector.get(EntityType.CUSTOMER, "A"))
        .isInstanceOf(PermanentException.class).hasMessageContaining("not A");
  }

  @Test
  void get_200WithSessionErrorBody_isClassifiedAndRetried() {
    server.enqueue(FakeSage.error(200, "SessionError"));
    reply(200, "{\"CustomerNumber\":\"A\"}");
    assertThat(connector.get(EntityType.CUSTOMER, "A")).isPresent();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void get_keyWithHugeExponent_isRefusedNotOutOfMemory() {
    for (int i = 0; i < 5; i++) {
      reply(200, "{\"OrderUniquifier\":1e999999999}");
    }
    assertThatThrownBy(() -> connector.get(EntityType.SALES_ORDER, "1"))
        .isInstanceOf(ConnectorException.class);
  }

  @Test
  void errorEchoingCredentials_isRedactedAndTruncated() {
    String echo = "Authorization: Basic V0VCQVBJOnMzY3IzdC1QYTU1 " + TestConnectors.PASSWORD
        + " " + "x".repeat(1 << 20);
    server.enqueue(FakeSage.json(400, Json.object().set("error", Json.object()
        .put("code", "RecordInvalid").put("message", echo))));
    WriteResult r = connector.write(EntityType.CUSTOMER, List.of(WriteRequest.upsert(
        Optional.empty(), Json.object().put("CustomerNumber", "1"), "s", "k"))).get(0);
    assertThat(r.error()).get().satisfies(e -> {
      assertThat(e.message()).doesNotContain(TestConnectors.PASSWORD)
          .doesNotContain("V0VCQVBJOnMzY3IzdC1QYTU1");
      assertThat(e.message().length()).isLessThan(1200);
    });
  }

  /** A minimal valid order body. */
  private static final class ObjectNodeHolder {
    com.fasterxml.jackson.databind.node.ObjectNode order() {
      com.fasterxml.jackson.databind.node.ObjectNode o = Json.object()
          .put("CustomerNumber", "1200").put("OrderDate", "2026-11-20");
      o.putArray("OrderDetails").addObject().put("LineType", "Item").put("Item", "A1");
      return o;
    }
  }
}
