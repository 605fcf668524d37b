package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Entity;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.scenarios.CrashingStores.Step;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import io.connectsdk.testkit.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An older copy of a record must never overwrite a newer one already written: not when a page
 * lists the record twice in the wrong order, not when a later page or a late webhook delivers an
 * older version, and not when a dead letter holding an old copy is replayed after a newer version
 * reached the target. And skipping such a copy must not drop a newer version waiting in the
 * dead-letter queue.
 */
class StaleDataScenarioTest {
  private static final String JOB = "bng-to-sage";
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private final FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
  private final InMemoryConnector sage = InMemoryConnector.builder().system("sage300")
      .type(CUSTOMER).naturalKey(CUSTOMER, "CustomerNumber").clock(clock).build();
  private final Stores stores = Stores.inMemory(clock);
  private final RecordingListener events = new RecordingListener();

  private static Entity version(String id, long version, String name) {
    return Customers.customer(id, name, id + "@example.com").toBuilder().origin("bng")
        .version(version).updatedAt(T0.plusSeconds(version)).build();
  }

  private SyncJob job(io.connectsdk.core.spi.Connector source, Stores with) {
    return SyncJob.builder(JOB).source(source, CUSTOMER).mapping(Customers.toSage())
        .target(sage, CUSTOMER).stores(with).clock(clock).sleeper(clock).listener(events)
        .build();
  }

  private String sageName(String customerNumber) {
    return sage.records(CUSTOMER).stream()
        .filter(e -> e.text("CustomerNumber").orElseThrow().equals(customerNumber))
        .map(e -> e.text("Name").orElseThrow()).findFirst().orElseThrow();
  }

  @Test
  void runOnce_pageListsNewerVersionBeforeOlder_newestWins() {
    ScriptedSource bng = new ScriptedSource("bng", CUSTOMER,
        List.of(List.of(version("c1", 2, "New"), version("c1", 1, "Old"))));

    SyncResult result = job(bng, stores).runOnce();

    assertThat(sage.count(CUSTOMER)).isEqualTo(1);
    assertThat(sageName("c1")).isEqualTo("New");
    assertThat(result.created()).isEqualTo(1);
    assertThat(result.unchanged()).isEqualTo(1);
  }

  @Test
  void runOnce_laterPageReturnsOlderVersion_keepsNewerContent() {
    ScriptedSource bng = new ScriptedSource("bng", CUSTOMER, List.of(
        List.of(version("c1", 2, "New")), List.of(version("c1", 1, "Old"))));

    SyncResult result = job(bng, stores).runOnce();

    assertThat(sageName("c1")).isEqualTo("New");
    assertThat(result.created()).isEqualTo(1);
    assertThat(result.updated()).isZero();
    assertThat(events.events(RecordingListener.Kind.RECORD_SKIPPED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("older than the version last written"));
  }

  @Test
  void onEvent_entityOlderThanLastWritten_skipsWithoutWrite() {
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    Entity v1 = bng.put(Customers.customer("c1", "Old", "c1@example.com"));
    clock.advance(Duration.ofMinutes(1));
    bng.put(Customers.customer("c1", "New", "c1@example.com"));
    SyncJob job = job(bng, stores);
    job.runOnce();
    long writes = sage.stats().writeCalls();

    // a late webhook carrying the first version
    SyncResult late = job.onEvent(v1);

    assertThat(late.unchanged()).isEqualTo(1);
    assertThat(sage.stats().writeCalls()).isEqualTo(writes);
    assertThat(sageName("c1")).isEqualTo("New");
  }

  @Test
  void runOnce_recordDeletedAndMadeAgainWithRestartedVersion_isWritten() {
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    bng.put(Customers.customer("c1", "First", "c1@example.com"));
    clock.advance(Duration.ofMinutes(1));
    bng.put(Customers.customer("c1", "Second", "c1@example.com"));
    SyncJob job = job(bng, stores);
    job.runOnce();
    clock.advance(Duration.ofMinutes(1));
    bng.remove(CUSTOMER, "c1");
    Entity again = bng.put(Customers.customer("c1", "Third", "c1@example.com"));
    assertThat(again.version()).hasValue(1);

    SyncResult result = job.runOnce();

    assertThat(result.updated()).isEqualTo(1);
    assertThat(sageName("c1")).isEqualTo("Third");
  }

  @Test
  void onEvent_olderUnchangedCopyWhileNewerIsDeadLettered_keepsTheDeadLetter() {
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    Entity v1 = bng.put(Customers.customer("c1", "Old", "c1@example.com"));
    SyncJob job = job(bng, stores);
    job.runOnce();
    // v2 is rejected by the target and waits in the dead-letter queue
    sage.faults().rejectWhere(f -> f.path("Name").asText().equals("New"), ErrorKind.PERMANENT,
        "RecordInvalid", "not now");
    clock.advance(Duration.ofMinutes(1));
    bng.put(Customers.customer("c1", "New", "c1@example.com"));
    assertThat(job.runOnce().deadLettered()).isEqualTo(1);

    // a late webhook repeats v1, whose content the target already holds
    job.onEvent(v1);

    assertThat(stores.deadLetters().find(JOB, "sage300:customer",
        new RecordRef("bng", CUSTOMER, "c1"))).isPresent();
    sage.faults().clear();
    SyncResult replay = job.replayDeadLetters();
    assertThat(replay.updated()).isEqualTo(1);
    assertThat(sageName("c1")).isEqualTo("New");
  }

  @Test
  void replayDeadLetters_staleCopyAfterNewerVersionWritten_skipsAndResolves() {
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    sage.faults().rejectWhere(f -> f.path("Name").asText().equals("Old"), ErrorKind.PERMANENT,
        "RecordInvalid", "not now");
    bng.put(Customers.customer("c1", "Old", "c1@example.com"));
    job(bng, stores).runOnce();
    assertThat(stores.deadLetters().count(JOB)).isEqualTo(1);
    // v2 arrives by webhook and is written, but the process dies before its dead letter is
    // resolved: the queue still holds v1
    clock.advance(Duration.ofMinutes(1));
    Entity v2 = bng.put(Customers.customer("c1", "New", "c1@example.com"));
    CrashingStores crashing = new CrashingStores(stores).crashOn(Step.DEAD_LETTER_RESOLVED, 1);
    assertThatThrownBy(() -> job(bng, crashing.stores()).onEvent(v2))
        .hasMessage("process killed at DEAD_LETTER_RESOLVED");
    assertThat(sageName("c1")).isEqualTo("New");
    sage.faults().clear();

    SyncResult replay = job(bng, stores).replayDeadLetters();

    assertThat(sageName("c1")).isEqualTo("New");
    assertThat(replay.updated()).isZero();
    assertThat(replay.unchanged()).isEqualTo(1);
    assertThat(stores.deadLetters().count(JOB)).isZero();
  }
}
