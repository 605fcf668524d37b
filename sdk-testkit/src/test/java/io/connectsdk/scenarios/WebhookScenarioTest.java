package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.Secret;
import io.connectsdk.core.event.SignatureScheme;
import io.connectsdk.core.event.WebhookHandler;
import io.connectsdk.core.event.WebhookOutcome;
import io.connectsdk.core.event.WebhookResponse;
import io.connectsdk.core.event.WebhookVerifier;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BNG webhooks drive a sync job through {@link WebhookHandler} and {@code SyncJob.onEvent}: only a
 * correctly signed, fresh, first-seen event carrying newer data changes the target.
 */
class WebhookScenarioTest {
  private static final Secret SECRET = Secret.of("whsec_current");

  private final FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
  private InMemoryConnector sage;
  private WebhookHandler handler;

  @BeforeEach
  void setUp() {
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    sage = InMemoryConnector.builder().system("sage300").type(CUSTOMER).clock(clock).build();
    SyncJob job = SyncJob.builder("bng-customers").source(bng, CUSTOMER)
        .mapping(Customers.toSage()).target(sage, CUSTOMER).stores(Stores.inMemory(clock))
        .clock(clock).sleeper(clock).build();
    handler = WebhookHandler.builder().parser(new io.connectsdk.core.event.JsonEventParser("id", "type", "created_at", "/data/object", "id", "updated_at", "version"))
        .verifier(WebhookVerifier.builder().scheme(new io.connectsdk.core.event.SignatureScheme("BNG-Signature", "t", "v1")).secrets(SECRET).clock(clock).build())
        .consumer(event -> job.onEvent(event.toEntity("bng", CUSTOMER, "id")))
        .build();
  }

  @Test
  void handle_validEvent_writesTarget() {
    WebhookResponse r = deliver("evt_1", 2, "Acme v2", SECRET, now());

    assertThat(r.outcome()).isEqualTo(WebhookOutcome.ACCEPTED);
    assertThat(sageName()).isEqualTo("Acme v2");
    assertThat(sage.stats().writeCalls()).isEqualTo(1);
  }

  @Test
  void handle_badSignatureStaleTimestampReplayOrOlderVersion_targetUnchanged() {
    deliver("evt_1", 2, "Acme v2", SECRET, now());
    long writes = sage.stats().writeCalls();

    WebhookResponse forged = deliver("evt_2", 3, "Forged", Secret.of("whsec_wrong"), now());
    WebhookResponse stale = deliver("evt_3", 3, "Late", SECRET, now() - 301);
    WebhookResponse replay = deliver("evt_1", 2, "Acme v2", SECRET, now());
    WebhookResponse older = deliver("evt_4", 1, "Acme v1", SECRET, now());

    assertThat(forged.outcome()).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
    assertThat(forged.status()).isEqualTo(401);
    assertThat(stale.outcome()).isEqualTo(WebhookOutcome.STALE_TIMESTAMP);
    assertThat(replay.outcome()).isEqualTo(WebhookOutcome.DUPLICATE);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(older.outcome()).isEqualTo(WebhookOutcome.STALE);
    assertThat(older.status()).isEqualTo(200);
    assertThat(sageName()).isEqualTo("Acme v2");
    assertThat(sage.stats().writeCalls()).isEqualTo(writes);
  }

  @Test
  void handle_newerEventAfterRefusedOnes_stillApplied() {
    deliver("evt_1", 2, "Acme v2", SECRET, now());
    deliver("evt_2", 3, "Forged", Secret.of("whsec_wrong"), now());
    clock.advance(Duration.ofSeconds(30));

    WebhookResponse newer = deliver("evt_5", 3, "Acme v3", SECRET, now());

    assertThat(newer.outcome()).isEqualTo(WebhookOutcome.ACCEPTED);
    assertThat(sageName()).isEqualTo("Acme v3");
    assertThat(sage.count(CUSTOMER)).isEqualTo(1);
  }

  private WebhookResponse deliver(String eventId, long version, String name, Secret key,
      long signedAt) {
    Instant updatedAt = Instant.parse("2026-11-22T09:00:00Z").plusSeconds(version);
    String body = """
        {"id":"%s","type":"customer.updated","created_at":"%s",
         "data":{"object":{"id":"cus_1","name":"%s","email":"ap@acme.example",
         "balance":"12.50","updated_at":"%s","version":%d}}}"""
        .formatted(eventId, clock.instant(), name, updatedAt, version);
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    String header = new io.connectsdk.core.event.SignatureScheme("BNG-Signature", "t", "v1").sign(key, signedAt, raw);
    return handler.handle(Map.of("bng-signature", List.of(header)), raw);
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private String sageName() {
    return sage.records(CUSTOMER).get(0).text("Name").orElseThrow();
  }
}
