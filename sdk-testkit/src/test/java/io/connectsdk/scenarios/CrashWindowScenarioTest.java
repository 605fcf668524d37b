package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.scenarios.CrashingStores.Step;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import io.connectsdk.testkit.InMemoryConnectorBuilder;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The process dies after a target write succeeded but before one piece of the engine's bookkeeping
 * (key-map link, idempotency-key result, ledger hash, checkpoint) is stored. The target has no
 * natural key, so only the engine's own records and the idempotency key stand between a re-run
 * and a duplicate. A re-run over the same stores must end with every record in the target once,
 * linked, and a third run must write nothing.
 */
class CrashWindowScenarioTest {
  private static final int RECORDS = 10;

  private final FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
  private final InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
      .clock(clock).build();
  private final InMemoryConnector sage = target(InMemoryConnector.builder().system("sage300")
      .type(CUSTOMER, Capabilities.readWrite(5)).clock(clock)).build();

  /** The target's settings; {@link StrictKeysCrashWindowScenarioTest} makes its keys strict. */
  InMemoryConnectorBuilder target(InMemoryConnectorBuilder builder) {
    return builder;
  }
  private final Stores stores = Stores.inMemory(clock);
  private ExecutorService readAhead;

  @Test
  void runOnce_crashBeforeKeyMapLink_rerunLinksWithoutDuplicate() {
    crashThenRerun(Step.LINK);
  }

  @Test
  void runOnce_crashBeforeKeyResult_rerunLinksWithoutDuplicate() {
    crashThenRerun(Step.KEY_RESULT);
  }

  @Test
  void runOnce_crashBeforeSourceVersion_rerunLinksWithoutDuplicate() {
    crashThenRerun(Step.SOURCE_VERSION);
  }

  @Test
  void runOnce_crashBeforeLedgerHash_rerunLinksWithoutDuplicate() {
    crashThenRerun(Step.HASH);
  }

  @Test
  void runOnce_crashBeforeCheckpoint_rerunSkipsWrittenRecords() {
    crashThenRerun(Step.CHECKPOINT);
  }

  @Test
  void runOnce_crashBeforeKeyMapLinkThenSourceChanges_rerunUpdatesTheCreatedRecord() {
    seed();
    CrashingStores crashing = new CrashingStores(stores).crashOn(Step.LINK, 3);
    assertThatThrownBy(() -> job(crashing.stores()).runOnce())
        .hasMessage("process killed at LINK");
    // the first batch (c1..c5) is in the target; c3..c5 are not linked
    assertThat(sage.count(CUSTOMER)).isEqualTo(5);
    // c3 is in the target but unknown to the engine; then it changes, so its next write carries
    // another idempotency key than the create that was applied
    clock.advance(java.time.Duration.ofMinutes(1));
    bng.put(Customers.customer("c3", "Customer 3 renamed", "c3@example.com"));

    job(stores).runOnce();

    assertThat(sage.count(CUSTOMER)).isEqualTo(RECORDS);
    RecordRef c3 = stores.keyMap().lookup(new RecordRef("bng", CUSTOMER, "c3"), "sage300")
        .orElseThrow();
    assertThat(sage.record(CUSTOMER, c3.id()).orElseThrow().text("Name"))
        .contains("Customer 3 renamed");
    long writes = sage.stats().writeCalls();
    assertThat(job(stores).runOnce().read()).isZero();
    assertThat(sage.stats().writeCalls()).isEqualTo(writes);
  }

  @Test
  void runOnce_crashBeforeCreateSentThenSourceChanges_rerunCreatesOnceWithNewContent() {
    seed();
    // the process dies as the write call starts (an Error: nothing catches it)
    sage.faults().throwNext(io.connectsdk.testkit.ConnectorOperation.WRITE, 1, () -> {
      throw new io.connectsdk.testkit.SimulatedCrash("process killed");
    });
    assertThatThrownBy(() -> job(stores).runOnce()).hasMessage("process killed");
    assertThat(sage.count(CUSTOMER)).isZero();
    clock.advance(java.time.Duration.ofMinutes(1));
    bng.put(Customers.customer("c2", "Customer 2 renamed", "c2@example.com"));

    SyncResult second = job(stores).runOnce();

    assertThat(sage.count(CUSTOMER)).isEqualTo(RECORDS);
    assertThat(sage.records(CUSTOMER)).extracting(e -> e.text("CustomerNumber").orElseThrow())
        .doesNotHaveDuplicates();
    RecordRef c2 = stores.keyMap().lookup(new RecordRef("bng", CUSTOMER, "c2"), "sage300")
        .orElseThrow();
    assertThat(sage.record(CUSTOMER, c2.id()).orElseThrow().text("Name"))
        .contains("Customer 2 renamed");
    assertThat(second.read()).isEqualTo(RECORDS);
    assertThat(second.deadLettered()).isZero();
  }

  @Test
  void runOnce_linkRemovedByOperatorAfterCompletedCreate_createsAfresh() {
    seed();
    job(stores).runOnce();
    // an operator deletes c1's target record and its link, then c1 changes
    RecordRef c1 = new RecordRef("bng", CUSTOMER, "c1");
    RecordRef old = stores.keyMap().lookup(c1, "sage300").orElseThrow();
    sage.remove(CUSTOMER, old.id());
    stores.keyMap().unlink(c1);
    clock.advance(java.time.Duration.ofMinutes(1));
    bng.put(Customers.customer("c1", "Customer 1 renamed", "c1@example.com"));

    SyncResult result = job(stores).runOnce();

    assertThat(result.created()).isEqualTo(1);
    assertThat(result.deadLettered()).isZero();
    RecordRef made = stores.keyMap().lookup(c1, "sage300").orElseThrow();
    assertThat(made).isNotEqualTo(old);
    assertThat(sage.record(CUSTOMER, made.id()).orElseThrow().text("Name"))
        .contains("Customer 1 renamed");
  }

  @Test
  void runOnce_crashBeforeDeadLetter_rerunDeadLettersTheRejectedRecord() {
    seed();
    sage.faults().rejectWhere(f -> f.path("CustomerNumber").asText().equals("c3"),
        io.connectsdk.core.ErrorKind.PERMANENT, "RecordInvalid", "bad");
    CrashingStores crashing = new CrashingStores(stores).crashOn(Step.DEAD_LETTER, 1);
    assertThatThrownBy(() -> job(crashing.stores()).runOnce())
        .hasMessage("process killed at DEAD_LETTER");
    assertThat(stores.checkpoints().load("bng-to-sage")).isEmpty();

    SyncResult second = job(stores).runOnce();

    assertThat(second.deadLettered()).isEqualTo(1);
    assertThat(stores.deadLetters().count("bng-to-sage")).isEqualTo(1);
    assertThat(sage.count(CUSTOMER)).isEqualTo(RECORDS - 1);
  }

  @ParameterizedTest
  @EnumSource(value = Step.class, names = {"LINK", "KEY_RESULT", "SOURCE_VERSION", "HASH",
      "CHECKPOINT"})
  void runOnce_crashWhileNextPageIsReadAhead_rerunLinksWithoutDuplicate(Step step) {
    ExecutorService ahead = Executors.newSingleThreadExecutor();
    try {
      readAhead = ahead;
      crashThenRerun(step);
    } finally {
      ahead.shutdownNow();
    }
  }

  private void crashThenRerun(Step step) {
    seed();
    // the third record of the first batch: two records are fully recorded, the third is in the
    // target but not (fully) in the stores, the rest of the page is not written
    CrashingStores crashing = new CrashingStores(stores)
        .crashOn(step, step == Step.CHECKPOINT ? 1 : 3);
    assertThatThrownBy(() -> job(crashing.stores()).runOnce())
        .hasMessage("process killed at " + step);

    SyncResult second = job(stores).runOnce();
    SyncResult third = job(stores).runOnce();

    assertThat(sage.count(CUSTOMER)).isEqualTo(RECORDS);
    assertThat(sage.records(CUSTOMER)).extracting(e -> e.text("CustomerNumber").orElseThrow())
        .doesNotHaveDuplicates();
    Set<RecordRef> linked = new HashSet<>();
    for (int i = 1; i <= RECORDS; i++) {
      RecordRef source = new RecordRef("bng", CUSTOMER, "c" + i);
      RecordRef target = stores.keyMap().lookup(source, "sage300").orElseThrow(
          () -> new AssertionError(source + " is not linked"));
      assertThat(sage.record(CUSTOMER, target.id()).orElseThrow().text("CustomerNumber"))
          .contains("c" + i);
      linked.add(target);
    }
    assertThat(linked).hasSize(RECORDS);
    assertThat(second.created() + second.updated() + second.unchanged()).isEqualTo(second.read());
    assertThat(third.read()).isZero();
    long writes = sage.stats().writeCalls();
    // the whole source again (cursor reset): all unchanged, no write
    stores.checkpoints().save(new io.connectsdk.core.store.Checkpoint("bng-to-sage",
        io.connectsdk.core.spi.Cursor.BEGINNING, clock.instant()));
    SyncResult again = job(stores).runOnce();
    assertThat(again.unchanged()).isEqualTo(RECORDS);
    assertThat(sage.stats().writeCalls()).isEqualTo(writes);
  }

  private void seed() {
    for (int i = 1; i <= RECORDS; i++) {
      bng.put(Customers.customer("c" + i, "Customer " + i, "c" + i + "@example.com"));
    }
  }

  private SyncJob job(Stores with) {
    SyncJob.Builder builder = SyncJob.builder("bng-to-sage").source(bng, CUSTOMER)
        .mapping(Customers.toSage()).target(sage, CUSTOMER).stores(with).clock(clock)
        .sleeper(clock).pageSize(5);
    if (readAhead != null) {
      builder.readAhead(readAhead);
    }
    return builder.build();
  }
}
