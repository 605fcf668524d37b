package io.connectsdk.bng;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.Secret;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.testkit.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact requests of each write path, against MockWebServer. */
class RecordWriterTest {
  private static final String RECORD = "{\"id\":\"cus_1\",\"external_id\":\"1200\","
      + "\"company_name\":\"Acme\",\"updated_at\":\"2026-11-22T10:00:00.000Z\",\"version\":%d}";

  private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
  private BngConnector bng;

  @BeforeEach
  void start() throws Exception {
    server.start();
    bng = BngConnector.builder().baseUrl(server.url("/").toString()).clientId("sync")
        .clientSecret(Secret.of("s3cret")).clock(clock).sleeper(clock).build();
    server.enqueue(json(200, "{\"access_token\":\"tok_1\",\"token_type\":\"Bearer\","
        + "\"expires_in\":3600}"));
  }

  @AfterEach
  void stop() throws Exception {
    bng.close();
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  private static String record(int version) {
    return String.format(RECORD, version);
  }

  private static WriteRequest create(String engineKey) {
    return WriteRequest.builder().fields(Json.object().put("external_id", "1200")
        .put("company_name", "Acme")).sourceRef("sage300:customer:1200")
        .idempotencyKey(engineKey).build();
  }

  private WriteResult write(WriteRequest request) {
    List<WriteResult> results = bng.write(EntityType.CUSTOMER, List.of(request));
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest();
  }

  @Test
  void write_newRecord_logsInLooksUpByExternalIdThenPostsWithDerivedIdempotencyKey()
      throws Exception {
    server.enqueue(json(200, "{\"data\":[],\"next_cursor\":null}"));
    server.enqueue(json(201, record(1)));

    WriteResult result = write(create("engine-key-1"));

    assertThat(result.status()).isEqualTo(WriteResult.Status.CREATED);
    assertThat(result.targetId()).contains("cus_1");
    assertThat(result.version()).contains("1");
    RecordedRequest token = take();
    assertThat(token.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(token.getBody().utf8()).contains("grant_type=client_credentials")
        .contains("client_id=sync").contains("client_secret=s3cret");
    RecordedRequest lookup = take();
    assertThat(lookup.getMethod()).isEqualTo("GET");
    assertThat(lookup.getUrl().encodedPath()).isEqualTo("/api/v1/customers");
    assertThat(lookup.getUrl().queryParameter("external_id")).isEqualTo("1200");
    assertThat(lookup.getHeaders().get("Authorization")).isEqualTo("Bearer tok_1");
    RecordedRequest post = take();
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getHeaders().get("Idempotency-Key"))
        .isEqualTo(IdempotencyKeys.derive("bng", Resource.CUSTOMERS, "engine-key-1"))
        .doesNotContain("engine-key-1");
    assertThat(Json.mapper().readTree(post.getBody().utf8()))
        .isEqualTo(Json.object().put("external_id", "1200").put("company_name", "Acme"));
    assertThat(bng.requestsSent()).isEqualTo(3);
  }

  @Test
  void write_sameEngineKeyTwice_sameIdempotencyKeyOtherKeyDiffers() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{\"data\":[],\"next_cursor\":null}"));
      server.enqueue(json(201, record(1)));
    }
    write(create("k1"));
    write(create("k1"));
    write(create("k2"));
    take();
    String[] keys = new String[3];
    for (int i = 0; i < 3; i++) {
      take();
      keys[i] = take().getHeaders().get("Idempotency-Key");
    }

    assertThat(keys[0]).isEqualTo(keys[1]).isNotEqualTo(keys[2]);
  }

  @Test
  void write_knownTargetWithRecordedVersion_patchesWithIfMatch() throws Exception {
    server.enqueue(json(200, record(4)));
    WriteRequest update = WriteRequest.builder().targetId("cus_1")
        .fields(Json.object().put("company_name", "Acme Ltd")).sourceRef("s:c:1")
        .idempotencyKey("k").ifMatch(Optional.of("3")).build();

    WriteResult result = write(update);

    assertThat(result.status()).isEqualTo(WriteResult.Status.UPDATED);
    assertThat(result.version()).contains("4");
    take();
    RecordedRequest patch = take();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getUrl().encodedPath()).isEqualTo("/api/v1/customers/cus_1");
    assertThat(patch.getHeaders().get("If-Match")).isEqualTo("3");
    assertThat(patch.getHeaders().get("Idempotency-Key")).isNull();
  }

  @Test
  void write_staleVersion_conflictWithTheCurrentRecord() throws Exception {
    server.enqueue(json(412, "{\"error\":{\"type\":\"version_conflict\",\"message\":\"stale\"}}"));
    server.enqueue(json(200, record(5)));
    WriteRequest update = WriteRequest.builder().targetId("cus_1")
        .fields(Json.object().put("company_name", "Other")).sourceRef("s:c:1")
        .idempotencyKey("k").ifMatch(Optional.of("3")).build();

    WriteResult result = write(update);

    assertThat(result.status()).isEqualTo(WriteResult.Status.CONFLICT);
    assertThat(result.record()).hasValueSatisfying(r -> {
      assertThat(r.version()).hasValue(5);
      assertThat(r.text("company_name")).contains("Acme");
    });
    take();
    take();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/api/v1/customers/cus_1");
  }

  @Test
  void write_recoveryRequestRecordExists_patchesItAndNeverPosts() throws Exception {
    server.enqueue(json(200, "{\"data\":[" + record(1) + "],\"next_cursor\":null}"));
    server.enqueue(json(200, record(2)));
    WriteRequest recovery = create("new-key").toBuilder()
        .fields(Json.object().put("external_id", "1200").put("company_name", "Acme v2"))
        .recovery(true).build();

    WriteResult result = write(recovery);

    assertThat(result.status()).isEqualTo(WriteResult.Status.UPDATED);
    assertThat(result.targetId()).contains("cus_1");
    take();
    assertThat(take().getUrl().queryParameter("external_id")).isEqualTo("1200");
    RecordedRequest patch = take();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getUrl().encodedPath()).isEqualTo("/api/v1/customers/cus_1");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void write_foundRecordAlreadyHoldsContent_unchangedWithoutPatch() throws Exception {
    server.enqueue(json(200, "{\"data\":[" + record(1) + "],\"next_cursor\":null}"));

    WriteResult result = write(create("k"));

    assertThat(result.status()).isEqualTo(WriteResult.Status.UNCHANGED);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void write_idempotencyConflict_updatesTheRecordHoldingTheExternalId() throws Exception {
    server.enqueue(json(200, "{\"data\":[],\"next_cursor\":null}"));
    server.enqueue(json(409, "{\"error\":{\"type\":\"idempotency_conflict\",\"message\":\"x\"}}"));
    server.enqueue(json(200, "{\"data\":[" + record(1).replace("Acme", "Old") + "]}"));
    server.enqueue(json(200, record(2)));

    WriteResult result = write(create("k"));

    assertThat(result.status()).isEqualTo(WriteResult.Status.UPDATED);
    assertThat(result.targetId()).contains("cus_1");
  }

  @Test
  void write_validationError_failedResultNamingTheField() {
    server.enqueue(json(200, "{\"data\":[],\"next_cursor\":null}"));
    server.enqueue(json(422, "{\"error\":{\"type\":\"validation_error\",\"message\":\"invalid\","
        + "\"fields\":{\"email\":\"is invalid\"}}}"));

    WriteResult result = write(create("k"));

    assertThat(result.status()).isEqualTo(WriteResult.Status.FAILED);
    assertThat(result.error()).hasValueSatisfying(e -> {
      assertThat(e.code()).isEqualTo("validation_error");
      assertThat(e.field()).contains("email");
      assertThat(e.kind().isRetryable()).isFalse();
    });
  }

  @Test
  void write_rateLimited_waitsRetryAfterThenRetriesSameKey() throws Exception {
    server.enqueue(json(200, "{\"data\":[],\"next_cursor\":null}"));
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
        .setHeader("Content-Type", "application/json")
        .body("{\"error\":{\"type\":\"rate_limited\",\"message\":\"slow down\"}}").build());
    server.enqueue(json(201, record(1)));
    var before = clock.instant();

    WriteResult result = write(create("k"));

    assertThat(result.status()).isEqualTo(WriteResult.Status.CREATED);
    assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(
        Duration.ofSeconds(3));
    take();
    take();
    String first = take().getHeaders().get("Idempotency-Key");
    assertThat(take().getHeaders().get("Idempotency-Key")).isEqualTo(first);
  }

  @Test
  void write_lowRemainingQuota_pausesBeforeTheNextRequest() {
    long reset = clock.instant().getEpochSecond() + 2;
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type",
        "application/json").setHeader("X-RateLimit-Limit", "20")
        .setHeader("X-RateLimit-Remaining", "0").setHeader("X-RateLimit-Reset", "" + reset)
        .body("{\"data\":[],\"next_cursor\":null}").build());
    server.enqueue(json(201, record(1)));
    var before = clock.instant();

    write(create("k"));

    // two missing tokens of twenty refill in 2 s: the POST waits for them (2 s * 2 / 20)
    assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(
        Duration.ofMillis(200));
  }

  @Test
  void write_tokenRejected_oneReloginThenReplay() throws Exception {
    server.enqueue(json(401, "{\"error\":{\"type\":\"unauthorized\",\"message\":\"expired\"}}"));
    server.enqueue(json(200, "{\"access_token\":\"tok_2\",\"token_type\":\"Bearer\","
        + "\"expires_in\":3600}"));
    server.enqueue(json(200, "{\"data\":[],\"next_cursor\":null}"));
    server.enqueue(json(201, record(1)));

    assertThat(write(create("k")).status()).isEqualTo(WriteResult.Status.CREATED);

    take();
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer tok_1");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer tok_2");
    assertThat(bng.requestsSent()).isEqualTo(5);
  }
}
