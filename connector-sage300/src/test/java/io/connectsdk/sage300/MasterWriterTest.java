package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Json;
import io.connectsdk.core.TransientException;
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

class MasterWriterTest {
  private static final String CUSTOMERS = "/Sage300WebApi/v1.0/-/SAMINC/AR/ARCustomers";
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

  private static ObjectNode customer() {
    // deliberately not alphabetical: the body must keep this order
    return Json.object().put("CustomerNumber", "1200").put("ShortName", "Black")
        .put("GroupCode", "RTL").put("TaxGroup", "CALIF").put("CreditLimitCustomerCurrency",
            new java.math.BigDecimal("25000.10"));
  }

  private WriteResult write(ObjectNode fields, Optional<String> targetId) {
    List<WriteResult> r = connector.write(EntityType.CUSTOMER,
        List.of(WriteRequest.upsert(targetId, fields, "bng:customer:9", "k1")));
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  private void reply(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  @Test
  void write_linkedCustomer_onePatchWithBodyInFieldOrder() throws Exception {
    reply(200, "{\"CustomerNumber\":\"1200\",\"ShortName\":\"Black\"}");
    WriteResult r = write(customer(), Optional.of("1200"));
    assertThat(r.status()).isEqualTo(Status.UPDATED);
    assertThat(r.targetId()).contains("1200");
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("PATCH");
    assertThat(req.getTarget()).isEqualTo(CUSTOMERS + "('1200')");
    assertThat(req.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(req.getBody().utf8()).isEqualTo("{\"CustomerNumber\":\"1200\",\"ShortName\":\"Black\","
        + "\"GroupCode\":\"RTL\",\"TaxGroup\":\"CALIF\",\"CreditLimitCustomerCurrency\":25000.10}");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void write_neverLinkedCustomer_onePost() throws Exception {
    reply(201, "{\"CustomerNumber\":\"1200\",\"ShortName\":\"Black\"}");
    WriteResult r = write(customer(), Optional.empty());
    assertThat(r.status()).isEqualTo(Status.CREATED);
    assertThat(r.record()).get().satisfies(e -> assertThat(e.text("ShortName")).contains("Black"));
    RecordedRequest post = server.takeRequest();
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getTarget()).isEqualTo(CUSTOMERS);
    assertThat(post.getBody().utf8()).startsWith("{\"CustomerNumber\":\"1200\",\"ShortName\"");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void write_postAnsweredRecordDuplicate_becomesPatch() throws Exception {
    server.enqueue(FakeSage.error(409, "RecordDuplicate"));
    reply(200, "{\"CustomerNumber\":\"1200\"}");
    assertThat(write(customer(), Optional.empty()).status()).isEqualTo(Status.UPDATED);
    RecordedRequest post = server.takeRequest();
    assertThat(List.of(post.getMethod(), post.getTarget())).containsExactly("POST", CUSTOMERS);
    RecordedRequest patch = server.takeRequest();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getTarget()).isEqualTo(CUSTOMERS + "('1200')");
    assertThat(patch.getBody().utf8()).isEqualTo("{\"CustomerNumber\":\"1200\",\"ShortName\":"
        + "\"Black\",\"GroupCode\":\"RTL\",\"TaxGroup\":\"CALIF\",\"CreditLimitCustomerCurrency\":"
        + "25000.10}");
  }

  @Test
  void write_targetIdKnown_patchesThatKey() throws Exception {
    reply(200, "");
    WriteResult r = write(Json.object().put("ShortName", "New"), Optional.of("O'B 1"));
    assertThat(r.status()).isEqualTo(Status.UPDATED);
    assertThat(r.targetId()).contains("O'B 1");
    assertThat(server.takeRequest().getTarget()).isEqualTo(CUSTOMERS + "('O''B%201')");
  }

  @Test
  void write_targetIdNoLongerExists_isFailedAndNotRecreated() {
    server.enqueue(FakeSage.notFound());
    WriteResult r = write(customer(), Optional.of("1200"));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.error()).get().extracting(e -> e.code()).isEqualTo("RecordNotFound");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void write_recordInvalid_isFailedResultWithSagesMessage() {
    server.enqueue(FakeSage.error(400, "RecordInvalid"));
    WriteResult r = write(customer(), Optional.empty());
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.error()).get().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ErrorKind.PERMANENT);
      assertThat(e.code()).isEqualTo("RecordInvalid");
      assertThat(e.message()).contains("RecordInvalid happened");
    });
  }

  @Test
  void write_conflictGeneral409_isFailedResult() {
    server.enqueue(FakeSage.error(409, "General"));
    assertThat(write(customer(), Optional.empty()).error()).get()
        .extracting(e -> e.code()).isEqualTo("General");
  }

  @Test
  void write_missingNaturalKey_isFailedWithoutACall() {
    WriteResult r = write(Json.object().put("ShortName", "x"), Optional.empty());
    assertThat(r.error()).get().extracting(e -> e.code()).isEqualTo("MissingKey");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void write_lostAnswerOfPost_retryMeetsOwnDuplicate_patchesAndReportsCreated() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(
        new mockwebserver3.SocketEffect.CloseSocket()).build()); // POST applied, answer lost
    server.enqueue(FakeSage.error(409, "RecordDuplicate")); // the retried POST meets it
    reply(200, "{\"CustomerNumber\":\"1200\"}");
    // the server saw one create: that is what the job must count
    assertThat(write(customer(), Optional.empty()).status()).isEqualTo(Status.CREATED);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void write_sessionErrorEveryTime_failedRetryableResultAfterFiveAttempts() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(FakeSage.error(500, "SessionError"));
    }
    WriteResult r = write(customer(), Optional.empty());
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.error()).get().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
      assertThat(e.message()).contains("SessionError");
    });
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void write_laterRecordRunsOutOfAttempts_earlierResultsKept() {
    connector.close();
    connector = TestConnectors.builder(server, TestConnectors.clock()).maxConcurrentRequests(1)
        .build();
    reply(201, "{\"CustomerNumber\":\"1200\"}");
    for (int i = 0; i < 5; i++) {
      server.enqueue(FakeSage.error(500, "SessionError"));
    }
    List<WriteResult> r = connector.write(EntityType.CUSTOMER, List.of(
        WriteRequest.upsert(Optional.empty(), customer(), "bng:customer:1", "k1"),
        WriteRequest.upsert(Optional.empty(), customer().put("CustomerNumber", "1300"),
            "bng:customer:2", "k2")));
    assertThat(r).extracting(WriteResult::status).containsExactly(Status.CREATED, Status.FAILED);
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void write_html200OnPost_isNotASuccess() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
          .body("<html>IIS</html>").build());
    }
    WriteResult r = write(customer(), Optional.empty());
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.error()).get().extracting(e -> e.kind()).isEqualTo(ErrorKind.TRANSIENT);
  }

  @Test
  void write_200CarryingSageErrorBody_isClassifiedByCode() {
    server.enqueue(FakeSage.error(200, "RecordInvalid"));
    WriteResult r = write(customer(), Optional.empty());
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.error()).get().extracting(e -> e.code()).isEqualTo("RecordInvalid");
  }

  @Test
  void write_afterClose_failsFast() {
    connector.close();
    assertThatThrownBy(() -> write(customer(), Optional.empty()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void write_delete_deletesAndTreatsNotFoundAsDone() throws Exception {
    reply(204, "");
    server.enqueue(FakeSage.notFound());
    List<WriteResult> r = connector.write(EntityType.CUSTOMER, List.of(
        WriteRequest.delete("1200", "bng:customer:9", "d1"),
        WriteRequest.delete("1300", "bng:customer:8", "d2")));
    assertThat(r).extracting(WriteResult::status).containsExactly(Status.DELETED, Status.DELETED);
    // the two records are written concurrently (limit 2): in either order
    assertThat(List.of(server.takeRequest().getRequestLine(), server.takeRequest().getRequestLine()))
        .containsExactlyInAnyOrder("DELETE " + CUSTOMERS + "('1200') HTTP/1.1",
            "DELETE " + CUSTOMERS + "('1300') HTTP/1.1");
  }

  @Test
  void write_readOnlyTypeOrTooManyRequests_isRejected() {
    assertThatThrownBy(() -> connector.write(EntityType.INVENTORY_LEVEL, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
    List<WriteRequest> many = java.util.Collections.nCopies(11,
        WriteRequest.upsert(Optional.empty(), customer(), "s", "k"));
    assertThatThrownBy(() -> connector.write(EntityType.CUSTOMER, many))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBatchSize");
  }
}
