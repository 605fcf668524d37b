package io.connectsdk.core.sync;

import static io.connectsdk.core.sync.TestData.customerMapping;
import static io.connectsdk.core.sync.TestData.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.store.JobClaim;
import io.connectsdk.core.store.LeaseLostException;
import io.connectsdk.core.store.LedgerKey;
import io.connectsdk.core.store.Stores;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SPI and engine rules of the reshaped core, one test each. */
class SyncJobSpiTest {
  private static final EntityType C = EntityType.CUSTOMER;
  private ManualClock clock;
  private FakeConnector src;
  private FakeConnector dst;
  private Stores stores;

  @BeforeEach
  void setUp() {
    clock = new ManualClock();
    src = new FakeConnector("bng", C, 10, clock);
    dst = new FakeConnector("sage300", C, 10, clock);
    stores = Stores.inMemory(clock);
  }

  private SyncJob.Builder job() {
    return SyncJob.builder("customers").source(src, C).mapping(customerMapping()).target(dst, C)
        .stores(stores).clock(clock).sleeper(clock);
  }

  @Test
  void runOnce_twoCompaniesOfOneKind_keepSeparateKeysAndLedger() {
    FakeConnector companyA = new FakeConnector("sage300-SAMINC", C, 10, clock);
    FakeConnector companyB = new FakeConnector("sage300-SAMLTD", C, 10, clock);
    src.put("c1", obj("name", "one"));
    SyncJob toA = SyncJob.builder("to-a").source(src, C).mapping(customerMapping())
        .target(companyA, C).stores(stores).clock(clock).sleeper(clock).build();
    SyncJob toB = SyncJob.builder("to-b").source(src, C).mapping(customerMapping())
        .target(companyB, C).stores(stores).clock(clock).sleeper(clock).build();

    toA.runOnce();
    SyncResult b = toB.runOnce();

    // one shared key map and ledger, yet company B's record is its own: created, not skipped
    assertThat(b.created()).isEqualTo(1);
    RecordRef c1 = new RecordRef("bng", C, "c1");
    assertThat(stores.keyMap().lookup(c1, "sage300-SAMINC")).isPresent();
    assertThat(stores.keyMap().lookup(c1, "sage300-SAMLTD")).isPresent();
    assertThat(stores.ledger().entry(new LedgerKey("sage300-SAMLTD", C, c1.toString())))
        .isPresent();
  }

  @Test
  void runOnce_poisonRecordFailsTheWholeCall_isolatedDeadLetteredAndTheRestWritten() {
    for (int i = 1; i <= 29; i++) {
      src.put("c" + i, obj("name", "n" + i));
    }
    // any call carrying c13 fails as a whole, every time (not a record-level result)
    dst.batchFault = batch -> batch.stream().anyMatch(r -> r.sourceRef().endsWith(":c13"))
        ? new TransientException("sage300", "500 on c13") : null;

    SyncResult result = job().pageSize(10).build().runOnce();

    assertThat(dst.size()).isEqualTo(28);
    assertThat(result.deadLettered()).isEqualTo(1);
    assertThat(stores.deadLetters().find("customers", "sage300:" + C.name(),
        new RecordRef("bng", C, "c13"))).isPresent();
    assertThat(stores.checkpoints().load("customers")).isPresent();
  }

  @Test
  void runOnce_targetDown_runStopsWithoutDeadLettersOrCheckpoint() {
    for (int i = 1; i <= 25; i++) {
      src.put("c" + i, obj("name", "n" + i));
    }
    dst.callFault = call -> new TransientException("sage300", "503");

    assertThatThrownBy(() -> job().build().runOnce()).isInstanceOf(TransientException.class);

    assertThat(stores.deadLetters().count("customers")).isZero();
    assertThat(stores.checkpoints().load("customers")).isEmpty();
    // the batch and three single calls, not one call per record
    assertThat(dst.writeCalls.get()).isEqualTo(1 + WriteExecutor.OUTAGE_STREAK);
  }

  @Test
  void runOnce_sourceCursorGoesRoundInACycle_stopsWithAClearError() {
    io.connectsdk.core.spi.Connector cycling = new io.connectsdk.core.spi.ForwardingConnector(src) {
      @Override
      public Page readChanges(EntityType type, Cursor cursor, int limit) {
        String next = cursor.value().equals("B") ? "A" : "B";
        return new Page(List.of(), Cursor.of(next), true);
      }
    };
    SyncJob job = SyncJob.builder("cycle").source(cycling, C).mapping(customerMapping())
        .target(dst, C).stores(stores).clock(clock).sleeper(clock).build();

    assertThatThrownBy(job::runOnce).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void runOnce_retryAfterLongerThanMaxRetryWait_endsTheRunInsteadOfSleeping() {
    src.put("c1", obj("name", "one"));
    dst.recordFault = (r, call) -> new WriteError(io.connectsdk.core.ErrorKind.RATE_LIMITED,
        "429", "slow down", Optional.empty(), Duration.ofSeconds(999_999_999));

    assertThatThrownBy(() -> job().build().runOnce()).isInstanceOf(RateLimitedException.class)
        .hasMessageContaining("maxRetryWait");

    assertThat(clock.totalSlept()).isZero();
    assertThat(stores.deadLetters().count("customers")).isZero();
  }

  @Test
  void runOnce_tombstoneWithPropagation_deletesTargetAndForgetsTheLinkAndLedger() {
    src.put("c1", obj("name", "one"));
    SyncJob job = job().propagateDeletes().build();
    job.runOnce();
    String targetId = dst.all().get(0).id();
    src.delete("c1");

    SyncResult result = job.runOnce();

    assertThat(result.deleted()).isEqualTo(1);
    assertThat(dst.record(targetId)).isEmpty();
    RecordRef c1 = new RecordRef("bng", C, "c1");
    assertThat(stores.keyMap().lookup(c1, "sage300")).isEmpty();
    assertThat(stores.ledger().entry(new LedgerKey("sage300", C, c1.toString()))).isEmpty();
  }

  @Test
  void runOnce_tombstoneWithoutPropagation_skipped() {
    src.put("c1", obj("name", "one"));
    SyncJob job = job().build();
    job.runOnce();
    src.delete("c1");

    SyncResult result = job.runOnce();

    assertThat(result.deleted()).isZero();
    assertThat(result.unchanged()).isEqualTo(1);
    assertThat(dst.size()).isEqualTo(1);
  }

  @Test
  void runOnce_successWithWarnings_countedAndTold() {
    src.put("c1", obj("name", "one"));
    dst.warnings = r -> List.of("TaxGroupDefaulted");
    RecordingSyncListener listener = new RecordingSyncListener();

    SyncResult result = job().listener(listener).build().runOnce();

    assertThat(result.created()).isEqualTo(1);
    assertThat(result.warnings()).isEqualTo(1);
  }

  @Test
  void runOnce_targetChangedSinceLastWrite_conflictRetriedOnceWithItsNewVersion() {
    src.put("c1", obj("name", "one"));
    SyncJob job = job().build();
    job.runOnce();
    String targetId = dst.all().get(0).id();
    dst.put(targetId, obj("Name", "edited"));   // the target moved on: version 2
    clock.advance(Duration.ofMinutes(1));
    src.put("c1", obj("name", "two"));

    SyncResult result = job.runOnce();

    assertThat(result.conflicts()).isEqualTo(1);
    assertThat(result.updated()).isEqualTo(1);
    assertThat(dst.record(targetId).orElseThrow().text("Name")).contains("two");
    // the conflict answer carried version 2; the retry sent it and succeeded
    assertThat(dst.requests).extracting(r -> r.ifMatch().orElse(""))
        .containsSubsequence("1", "2");
  }

  @Test
  void runOnce_runWhoseClaimWasTakenOver_commitRefusedWithLeaseLost() {
    src.put("c1", obj("name", "one"));
    SyncJob job = job().build();
    AtomicInteger calls = new AtomicInteger();
    dst.callFault = call -> {
      if (calls.incrementAndGet() == 1) {
        JobClaim other = stores.checkpoints().claim("customers"); // another node took the job
        assertThat(other.epoch()).isPositive();
      }
      return null;
    };

    assertThatThrownBy(job::runOnce).isInstanceOf(LeaseLostException.class);

    assertThat(stores.checkpoints().load("customers")).isEmpty();
    assertThat(stores.keyMap().lookup(new RecordRef("bng", C, "c1"), "sage300")).isEmpty();
  }

  @Test
  void build_sourceProblems_rejectedNamingTheSetting() {
    FakeConnector other = new FakeConnector("crm", EntityType.VENDOR, 10, clock);
    assertThatThrownBy(() -> SyncJob.builder("j").source(other, C).mapping(customerMapping())
        .target(dst, C).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not serve customer");
    assertThatThrownBy(() -> SyncJob.builder("j").source(dst, C).mapping(customerMapping())
        .target(dst, C).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is its own source");
  }

  @Test
  void toBuilder_variantWithAnotherMapping_sharesStoresAndId() {
    SyncJob job = job().build();

    SyncJob fixed = job.toBuilder().mapping(customerMapping()).build();

    assertThat(fixed.id()).isEqualTo(job.id());
    assertThat(fixed.stores()).isSameAs(job.stores());
  }

  @Test
  void runOnce_connectorsOwnBreakerOpens_reachesListenerAndResult() {
    src.put("c1", obj("name", "one"));
    java.util.List<io.connectsdk.core.spi.ConnectorListener> heard =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    io.connectsdk.core.spi.Connector withBreaker = new io.connectsdk.core.spi.ForwardingConnector(dst) {
      @Override
      public void addListener(io.connectsdk.core.spi.ConnectorListener listener) {
        heard.add(listener);
      }

      @Override
      public void removeListener(io.connectsdk.core.spi.ConnectorListener listener) {
        heard.remove(listener);
      }

      @Override
      public java.util.List<io.connectsdk.core.spi.WriteResult> write(EntityType type,
          java.util.List<io.connectsdk.core.spi.WriteRequest> requests) {
        heard.forEach(l -> l.circuitOpened("sage300", new TransientException("sage300", "503")));
        return super.write(type, requests);
      }
    };
    java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
    SyncJob job = SyncJob.builder("customers").source(src, C).mapping(customerMapping())
        .target(withBreaker, C).stores(stores).clock(clock).sleeper(clock)
        .listener(new SyncListener() {
          @Override
          public void circuitOpened(String name) {
            opened.incrementAndGet();
          }
        }).build();

    SyncResult result = job.runOnce();

    assertThat(result.circuitOpenings()).isEqualTo(1);
    assertThat(opened).hasValue(1);
    assertThat(heard).as("the job stops listening when the run ends").isEmpty();
  }

  @Test
  void runOnce_fieldAnotherSystemOwns_sentOnCreateButNotOnUpdate() {
    src.put("c1", obj("name", "one", "limit", 5));
    SyncJob job = job().conflictPolicy(ConflictPolicy.systemOfRecord().owns("erp", "Name").build())
        .build();

    job.runOnce();
    String targetId = dst.all().get(0).id();
    clock.advance(Duration.ofMinutes(1));
    src.put("c1", obj("name", "renamed", "limit", 6));
    job.runOnce();

    // the create gave the new record every field; the update left the owned one alone
    assertThat(dst.requests.get(0).field("Name").asText()).isEqualTo("one");
    assertThat(dst.requests.get(1).field("Name")).isNull();
    assertThat(dst.record(targetId).orElseThrow().text("Name")).contains("one");
  }
}
