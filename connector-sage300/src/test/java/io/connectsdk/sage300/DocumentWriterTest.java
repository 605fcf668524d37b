package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.spi.WriteResult.Status;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentWriterTest {
  private static final String ORDERS = "/Sage300WebApi/v1.0/-/SAMINC/OE/OEOrders";
  private static final String REF = "bng:sales_order:A-1";
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

  private static ObjectNode order() {
    ObjectNode o = Json.object().put("CustomerNumber", "1200").put("OrderDate", "2026-11-20");
    o.putArray("OrderDetails").addObject().put("LineType", "Item").put("Item", "A1")
        .put("QuantityOrdered", new java.math.BigDecimal("2"));
    return o;
  }

  private static String stored(String ref, String extra) {
    return "{\"OrderUniquifier\":3300,\"OrderNumber\":\"ORD000123\",\"CustomerNumber\":\"1200\","
        + "\"OrderDate\":\"2026-11-20T00:00:00Z\",\"OrderReference\":\"" + ref + "\",\"OrderDetails\":"
        + "[{\"LineType\":\"Item\",\"Item\":\"A1\",\"QuantityOrdered\":" + extra + ",\"Line\":1}]}";
  }

  private WriteResult write(String sourceRef, Optional<String> targetId) {
    return connector.write(EntityType.SALES_ORDER,
        List.of(WriteRequest.upsert(targetId, order(), sourceRef, "k"))).get(0);
  }

  private void reply(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  @Test
  void write_newOrder_looksUpReferenceThenPostsWithReferenceBeforeDetails() throws Exception {
    reply(200, "{\"value\":[]}");
    reply(201, stored(REF, "2.0000"));
    WriteResult r = write(REF, Optional.empty());
    assertThat(r.status()).isEqualTo(Status.CREATED);
    assertThat(r.targetId()).contains("3300");
    assertThat(r.record()).get().satisfies(e ->
        assertThat(e.text("OrderNumber")).contains("ORD000123"));
    RecordedRequest lookup = server.takeRequest();
    assertThat(lookup.getUrl().queryParameter("$filter"))
        .isEqualTo("OrderReference eq 'bng:sales_order:A-1'");
    assertThat(lookup.getUrl().encodedPath()).isEqualTo(ORDERS);
    RecordedRequest post = server.takeRequest();
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getBody().utf8()).isEqualTo("{\"CustomerNumber\":\"1200\",\"OrderDate\":"
        + "\"2026-11-20\",\"OrderReference\":\"bng:sales_order:A-1\",\"OrderDetails\":[{\"LineType\":"
        + "\"Item\",\"Item\":\"A1\",\"QuantityOrdered\":2}]}");
  }

  @Test
  void write_orderAlreadyCreatedWithSameContent_isUnchangedWithoutPost() {
    reply(200, "{\"value\":[" + stored(REF, "2.0000") + "]}");
    WriteResult r = write(REF, Optional.empty());
    assertThat(r.status()).isEqualTo(Status.UNCHANGED);
    assertThat(r.targetId()).contains("3300");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void write_orderExistsWithDifferentContent_failsPermanentlyNoPatch() {
    reply(200, "{\"value\":[" + stored(REF, "5") + "]}");
    WriteResult r = write(REF, Optional.empty());
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.targetId()).contains("3300");
    assertThat(r.error()).get().satisfies(e -> {
      assertThat(e.code()).isEqualTo("OrderChanged");
      assertThat(e.message()).contains("cannot be updated");
    });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void write_knownTargetId_getsByUniquifierAndComparesOnly() throws Exception {
    reply(200, stored(REF, "2"));
    assertThat(write(REF, Optional.of("3300")).status()).isEqualTo(Status.UNCHANGED);
    assertThat(server.takeRequest().getTarget()).isEqualTo(ORDERS + "(3300)");
  }

  @Test
  void write_postAnswerLost_retryFindsOrderAndCreatesNoSecond() throws Exception {
    reply(200, "{\"value\":[]}");
    server.enqueue(new MockResponse.Builder().onResponseStart(
        new mockwebserver3.SocketEffect.CloseSocket()).build());
    reply(200, "{\"value\":[" + stored(REF, "2") + "]}");
    WriteResult r = write(REF, Optional.empty());
    // our own lost POST created it: the server saw a create, so the result is CREATED
    assertThat(r.status()).isEqualTo(Status.CREATED);
    assertThat(r.targetId()).contains("3300");
    List<String> methods = List.of(server.takeRequest().getMethod(),
        server.takeRequest().getMethod(), server.takeRequest().getMethod());
    assertThat(methods).containsExactly("GET", "POST", "GET");
  }

  @Test
  void write_longSourceRef_isShortenedDeterministicallyToMaxLength() throws Exception {
    String longRef = "salesforce:sales_order:0065g00000ABCDEFGHIJKLMNOP";
    reply(200, "{\"value\":[]}");
    reply(201, stored("x", "2"));
    write(longRef, Optional.empty());
    String ref = server.takeRequest().getUrl().queryParameter("$filter")
        .replace("OrderReference eq '", "").replace("'", "");
    assertThat(ref).hasSize(30).startsWith("salesforce:sales_").contains("~")
        .isEqualTo(References.of(longRef, 30));
    assertThat(References.of(longRef, 30)).isNotEqualTo(References.of(longRef + "X", 30));
  }

  @Test
  void write_batchFoundByDescriptionWithOtherContent_isPatched() throws Exception {
    reply(200, "{\"value\":[{\"BatchNumber\":66,\"Description\":\"bng:invoice:7\","
        + "\"BatchDate\":\"2026-11-01T00:00:00Z\"}]}");
    reply(200, "{\"BatchNumber\":66,\"Description\":\"bng:invoice:7\"}");
    WriteResult r = connector.write(EntityType.INVOICE, List.of(WriteRequest.upsert(
        Optional.empty(), Json.object().put("BatchDate", "2026-11-20"), "bng:invoice:7", "k")))
        .get(0);
    assertThat(r.status()).isEqualTo(Status.UPDATED);
    assertThat(r.targetId()).contains("66");
    server.takeRequest();
    RecordedRequest patch = server.takeRequest();
    assertThat(patch.getRequestLine())
        .isEqualTo("PATCH /Sage300WebApi/v1.0/-/SAMINC/AR/ARInvoiceBatches(66) HTTP/1.1");
    assertThat(patch.getBody().utf8())
        .isEqualTo("{\"BatchDate\":\"2026-11-20\",\"Description\":\"bng:invoice:7\"}");
  }

  @Test
  void write_rejectedOrder_isFailedWithSagesMessage() {
    reply(200, "{\"value\":[]}");
    server.enqueue(FakeSage.error(400, "InvalidPayload"));
    WriteResult r = write(REF, Optional.empty());
    assertThat(r.error()).get().satisfies(e -> {
      assertThat(e.code()).isEqualTo("InvalidPayload");
      assertThat(e.message()).contains("InvalidPayload happened");
    });
  }
}
