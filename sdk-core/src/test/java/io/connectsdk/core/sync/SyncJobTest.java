package io.connectsdk.core.sync;

import static io.connectsdk.core.sync.TestData.customerMapping;
import static io.connectsdk.core.sync.TestData.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.Stores;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncJobTest {
  private static final EntityType C = EntityType.CUSTOMER;
  private ManualClock clock;
  private FakeConnector src;
  private FakeConnector dst;
  private Stores stores;

  @BeforeEach
  void setUp() {
    clock = new ManualClock();
    src = new FakeConnector("bng", C, 10, clock);
    dst = new FakeConnector("sage300", C, 3, clock);
    stores = Stores.inMemory(clock);
  }

  private SyncJob.Builder job() {
    return SyncJob.builder("customers").source(src, C).mapping(customerMapping()).target(dst, C)
        .stores(stores).clock(clock).sleeper(clock).pageSize(4);
  }

  private void seed(int n) {
    for (int i = 1; i <= n; i++) {
      src.put("c" + i, obj("name", "cust" + i, "limit", new BigDecimal("100.00")));
    }
  }

  @Test
  void runOnce_newRecords_createsEachOnceInBatchesAndSavesCheckpoint() {
    seed(10);

    SyncResult result = job().build().runOnce();

    assertThat(result.read()).isEqualTo(10);
    assertThat(result.created()).isEqualTo(10);
    assertThat(result.deadLettered()).isZero();
    assertThat(dst.size()).isEqualTo(10);
    // 3 pages of at most 4 records, each written in batches of at most 3: 2 + 2 + 1 calls
    assertThat(dst.writeCalls.get()).isEqualTo(5);
    assertThat(result.connectorCalls()).isEqualTo(3 + 5);
    assertThat(stores.checkpoints().load("customers").orElseThrow().cursor())
        .isEqualTo(Cursor.of("10"));
    assertThat(stores.keyMap().lookup(new RecordRef("bng", C, "c1"), "sage300")).isPresent();
  }

  @Test
  void runOnce_secondRunAfterSourceRewritesSameContent_writesNothing() {
    seed(5);
    SyncJob job = job().build();
    job.runOnce();
    int calls = dst.writeCalls.get();
    // the same content changes again (e.g. a touch in the source): 5.0 equals 5.00 after hashing
    for (int i = 1; i <= 5; i++) {
      src.put("c" + i, obj("limit", new BigDecimal("100.0"), "name", "cust" + i));
    }

    SyncResult second = job.runOnce();

    assertThat(second.read()).isEqualTo(5);
    assertThat(second.unchanged()).isEqualTo(5);
    assertThat(second.created() + second.updated()).isZero();
    assertThat(dst.writeCalls.get()).isEqualTo(calls);
  }

  @Test
  void runOnce_changedRecord_updatesSameTargetRecord() {
    seed(2);
    SyncJob job = job().build();
    job.runOnce();
    src.put("c1", obj("name", "renamed", "limit", new BigDecimal("100.00")));

    SyncResult second = job.runOnce();

    assertThat(second.updated()).isEqualTo(1);
    assertThat(dst.size()).isEqualTo(2);
    String targetId = stores.keyMap().lookup(new RecordRef("bng", C, "c1"), "sage300")
        .orElseThrow().id();
    assertThat(dst.record(targetId).orElseThrow().text("Name")).contains("renamed");
    assertThat(dst.requests.get(dst.requests.size() - 1).targetId()).contains(targetId);
  }

  @Test
  void runOnce_unmappableRecord_deadLettersWithEveryPathAndGoesOn() {
    seed(3);
    src.put("bad", obj("name", "much too long a name", "limit", "lots"));

    SyncResult result = job().build().runOnce();

    assertThat(result.created()).isEqualTo(3);
    assertThat(result.deadLettered()).isEqualTo(1);
    DeadLetter dl = stores.deadLetters().list("customers", 0, 10).get(0);
    assertThat(dl.source()).isEqualTo(new RecordRef("bng", C, "bad"));
    assertThat(dl.error().code()).isEqualTo("MappingFailed");
    assertThat(dl.error().fieldPath()).isEqualTo("name,limit");
    assertThat(dl.error().message()).contains("name: longer than 10 (maxLength)")
        .contains("limit: not a number (decimal)").doesNotContain("lots");
    assertThat(dl.record().text("name")).contains("much too long a name");
    assertThat(stores.checkpoints().load("customers")).isPresent();
  }

  @Test
  void runOnce_mappingYieldsNonFiniteNumber_deadLettersInsteadOfBlockingTheJob() {
    seed(3);
    // e.g. a custom function dividing by zero in double arithmetic
    Mapping ratio = source -> {
      var fields = customerMapping().apply(source).fields();
      if (source.id().equals("c2")) {
        fields.put("Ratio", Double.NaN);
      }
      return MappingResult.success(fields);
    };

    SyncResult result = job().mapping(ratio).build().runOnce();

    assertThat(result.created()).isEqualTo(2);
    assertThat(result.deadLettered()).isEqualTo(1);
    DeadLetter dl = stores.deadLetters().list("customers", 0, 10).get(0);
    assertThat(dl.source().id()).isEqualTo("c2");
    assertThat(dl.error().code()).isEqualTo("InvalidNumber");
    assertThat(stores.checkpoints().load("customers")).isPresent();
  }

  @Test
  void runOnce_recordRejectedByTarget_deadLettersWithRemoteCodeAndField() {
    seed(4);
    dst.recordFault = (r, call) -> r.sourceRef().equals("bng:customer:c2")
        ? WriteError.permanent("RecordInvalid", "credit limit too high").withField("CreditLimit")
        : null;

    SyncResult result = job().build().runOnce();

    assertThat(result.created()).isEqualTo(3);
    assertThat(result.failedAttempts()).isEqualTo(1);
    assertThat(result.deadLettered()).isEqualTo(1);
    DeadLetter dl = stores.deadLetters().find("customers", "sage300:customer",
        new RecordRef("bng", C, "c2")).orElseThrow();
    assertThat(dl.error().kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(dl.error().code()).isEqualTo("RecordInvalid");
    assertThat(dl.error().fieldPath()).isEqualTo("CreditLimit");
    assertThat(dl.attempts()).isEqualTo(1);
  }

  @Test
  void runOnce_transientRecordFailures_retriedHonouringRetryAfter() {
    seed(3);
    dst.recordFault = (r, call) -> call <= 2 && r.sourceRef().endsWith("c1")
        ? new WriteError(ErrorKind.RATE_LIMITED, "429", "slow down", java.util.Optional.empty(),
            Duration.ofSeconds(7))
        : null;

    SyncResult result = job().backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build()
        .runOnce();

    assertThat(result.created()).isEqualTo(3);
    assertThat(result.failedAttempts()).isEqualTo(2);
    assertThat(dst.size()).isEqualTo(3);
    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
  }

  @Test
  void runOnce_transientRecordFailureNeverEnds_deadLettersAfterMaxAttempts() {
    seed(1);
    dst.recordFault = (r, call) -> WriteError.transientError("Busy", "server busy");

    SyncResult result = job().recordAttempts(3).backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
        .build().runOnce();

    assertThat(result.failedAttempts()).isEqualTo(3);
    assertThat(result.deadLettered()).isEqualTo(1);
    assertThat(clock.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    DeadLetter dl = stores.deadLetters().list("customers", 0, 1).get(0);
    assertThat(dl.error().kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(dl.error().message()).startsWith("still failing after 3 attempts");
  }

  @Test
  void runOnce_batchRefusedAsWhole_unrollsToIsolateBadRecord() {
    seed(3);
    // the whole batch call fails while it holds c2; single calls succeed except for c2
    dst.batchFault = batch -> batch.stream().anyMatch(r -> r.sourceRef().endsWith("c2"))
        ? new io.connectsdk.core.PermanentException("sage300", "400 Bad Request") : null;

    SyncResult result = job().build().runOnce();

    assertThat(result.created()).isEqualTo(2);
    assertThat(result.deadLettered()).isEqualTo(1);
    assertThat(dst.writeCalls.get()).isEqualTo(1 + 3);
    assertThat(stores.deadLetters().list("customers", 0, 5).get(0).error().code())
        .isEqualTo("PermanentException");
  }

  @Test
  void runOnce_wholeCallTransientAfterRetries_throwsAndKeepsCheckpoint() {
    seed(6);
    SyncJob job = job().recordAttempts(2).build();
    dst.callFault = call -> call >= 3 ? new TransientException("sage300", "503") : null;

    assertThatThrownBy(job::runOnce).isInstanceOf(TransientException.class);
    // page 1 (c1..c4) completed; page 2 failed
    assertThat(stores.checkpoints().load("customers").orElseThrow().cursor())
        .isEqualTo(Cursor.of("4"));

    dst.callFault = call -> null;
    SyncResult second = job.runOnce();
    assertThat(second.read()).isEqualTo(2);
    assertThat(second.created()).isEqualTo(2);
    assertThat(dst.size()).isEqualTo(6);
  }

  @Test
  void runOnce_authenticationFailure_throwsAtOnceWithoutRetry() {
    seed(2);
    dst.callFault = call -> new AuthenticationException("sage300", "password expired");
    RecordingSyncListener listener = new RecordingSyncListener();

    assertThatThrownBy(() -> job().listener(listener).build().runOnce())
        .isInstanceOf(AuthenticationException.class);
    assertThat(dst.writeCalls.get()).isEqualTo(1);
    assertThat(stores.checkpoints().load("customers")).isEmpty();
    assertThat(listener.events).first().isEqualTo("jobStarted");
    assertThat(listener.events).last().isEqualTo("jobFailed AuthenticationException");
  }

  @Test
  void runOnce_crashMidWrite_rerunResumesWithoutDuplicates() {
    seed(8);
    SyncJob job = job().build();
    dst.midCallCrash = i -> dst.recordsApplied.get() == 5 ? new IllegalStateException("boom") : null;

    assertThatThrownBy(job::runOnce).isInstanceOf(IllegalStateException.class);
    assertThat(dst.size()).isEqualTo(5);
    dst.midCallCrash = i -> null;
    int requestsBefore = dst.requests.size();

    SyncResult second = job.runOnce();

    assertThat(dst.size()).isEqualTo(8);
    assertThat(second.read()).isEqualTo(4);
    // c5 was applied by the crashed call without a ledger entry: sent again, found UNCHANGED
    assertThat(second.created()).isEqualTo(3);
    assertThat(second.unchanged()).isEqualTo(1);
    assertThat(dst.requests.size() - requestsBefore).isEqualTo(4);
    assertThat(dst.all()).extracting(e -> e.text("Name").orElseThrow()).doesNotHaveDuplicates();
  }

  @Test
  void onEvent_ref_writesOneRecordWithoutMovingCheckpoint() {
    seed(2);
    SyncJob job = job().build();

    SyncResult result = job.onEvent(new RecordRef("bng", C, "c2"));

    assertThat(result.read()).isEqualTo(1);
    assertThat(result.created()).isEqualTo(1);
    assertThat(dst.size()).isEqualTo(1);
    assertThat(job.checkpoint()).isEmpty();
    assertThat(job.onEvent(new RecordRef("bng", C, "gone")).unchanged()).isEqualTo(1);
    assertThatThrownBy(() -> job.onEvent(new RecordRef("sf", C, "c1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replayDeadLetters_afterMappingFix_writesAndEmptiesQueue() {
    seed(2);
    src.put("long", obj("name", "a name longer than ten"));
    job().build().runOnce();
    assertThat(stores.deadLetters().count("customers")).isEqualTo(1);

    SyncJob fixed = job().mapping(source -> io.connectsdk.core.mapping.MappingResult.success(
        obj("Name", source.text("name").orElseThrow().substring(0, 10)))).build();
    SyncResult replay = fixed.replayDeadLetters();

    assertThat(replay.created()).isEqualTo(1);
    assertThat(stores.deadLetters().count("customers")).isZero();
    assertThat(dst.size()).isEqualTo(3);
  }

  @Test
  void replayDeadLetters_stillFailing_keepsEntryWithMoreAttempts() {
    src.put("long", obj("name", "a name longer than ten"));
    SyncJob job = job().build();
    job.runOnce();

    SyncResult replay = job.replayDeadLetters();

    assertThat(replay.deadLettered()).isEqualTo(1);
    assertThat(stores.deadLetters().list("customers", 0, 5)).singleElement()
        .satisfies(dl -> assertThat(dl.attempts()).isEqualTo(2));
  }

  @Test
  void replayDeadLetters_morePagesThanOneSomeStillFailing_triesEachOnce() {
    for (int i = 1; i <= 1200; i++) {
      src.put("d" + i, obj("name", (i % 3 == 0 ? "keep failing " : "fixable name ") + i));
    }
    job().pageSize(100).build().runOnce();
    assertThat(stores.deadLetters().count("customers")).isEqualTo(1200);
    SyncJob fixed = job().mapping(source -> {
      String name = source.text("name").orElseThrow();
      return name.startsWith("keep")
          ? io.connectsdk.core.mapping.MappingResult.failure(List.of(
              new io.connectsdk.core.mapping.FieldError("name", "custom", "still bad", "")))
          : io.connectsdk.core.mapping.MappingResult.success(obj("Name", name));
    }).build();

    SyncResult replay = fixed.replayDeadLetters();

    assertThat(replay.read()).isEqualTo(1200);
    assertThat(replay.created()).isEqualTo(800);
    assertThat(replay.deadLettered()).isEqualTo(400);
    assertThat(stores.deadLetters().list("customers", 0, 1000)).hasSize(400)
        .allSatisfy(dl -> assertThat(dl.attempts()).isEqualTo(2));
  }

  @Test
  void runOnce_danglingReference_deadLettersWithPath() {
    seed(2);
    ReferenceResolver resolver = (source, fields, ctx) -> {
      if (source.id().equals("c2")) {
        throw new UnresolvedReferenceException("parent_id", "parent customer p9 is not synced");
      }
      return fields;
    };

    SyncResult result = job().resolver(resolver).build().runOnce();

    assertThat(result.created()).isEqualTo(1);
    DeadLetter dl = stores.deadLetters().list("customers", 0, 5).get(0);
    assertThat(dl.error().code()).isEqualTo("UnresolvedReference");
    assertThat(dl.error().fieldPath()).isEqualTo("parent_id");
  }

  @Test
  void runOnce_resolverBugOnOneRecord_deadLettersItAndGoesOn() {
    seed(3);
    ReferenceResolver resolver = (source, fields, ctx) -> {
      if (source.id().equals("c2")) {
        throw new NullPointerException();
      }
      return fields;
    };

    SyncResult result = job().resolver(resolver).build().runOnce();

    assertThat(result.created()).isEqualTo(2);
    DeadLetter dl = stores.deadLetters().list("customers", 0, 5).get(0);
    assertThat(dl.source().id()).isEqualTo("c2");
    assertThat(dl.error().code()).isEqualTo("ResolverException");
    assertThat(stores.checkpoints().load("customers")).isPresent();
  }

  @Test
  void runOnce_resolverLookupFailsAsWhole_runStopsWithoutCheckpoint() {
    seed(3);
    ReferenceResolver resolver = (source, fields, ctx) -> {
      throw new AuthenticationException("sage300", "expired");
    };

    assertThatThrownBy(() -> job().resolver(resolver).build().runOnce())
        .isInstanceOf(AuthenticationException.class);
    assertThat(stores.checkpoints().load("customers")).isEmpty();
    assertThat(stores.deadLetters().count("customers")).isZero();
  }

  @Test
  void runOnce_fanOut_writesEachTargetWithItsMapping() {
    seed(2);
    FakeConnector other = new FakeConnector("salesforce", EntityType.of("account"), 200, clock);

    SyncResult result = job().target(SyncTarget.of(other, EntityType.of("account"))
        .withMapping(s -> io.connectsdk.core.mapping.MappingResult.success(
            obj("AccountName", s.text("name").orElseThrow())))).build().runOnce();

    assertThat(result.created()).isEqualTo(4);
    assertThat(other.all()).extracting(e -> e.text("AccountName").orElseThrow())
        .containsExactly("cust1", "cust2");
  }

  @Test
  void writeBack_resultContentRecorded_readBackIsNotANewChange() {
    seed(1);
    WriteBack writeBack = (source, target, result) -> {
      var fields = source.fields();
      fields.put("sage_id", target.id());
      return java.util.Optional.of(src.put(source.id(), fields));
    };
    SyncJob job = job().writeBack(writeBack).build();

    SyncResult first = job.runOnce();
    int calls = dst.writeCalls.get();
    SyncResult second = job.runOnce();

    assertThat(first.created()).isEqualTo(1);
    assertThat(src.record("c1").orElseThrow().text("sage_id")).isPresent();
    assertThat(second.read()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(1);
    assertThat(dst.writeCalls.get()).isEqualTo(calls);
  }

  @Test
  void writeBack_sourceChangedConcurrently_nextRunWritesTheChange() {
    seed(1);
    // the source API answers the write-back with the record as it now is, which includes a
    // rename a user made after the engine read the record
    WriteBack writeBack = (source, target, result) -> {
      var fields = source.fields();
      fields.put("sage_id", target.id());
      fields.put("name", "renamed");
      return java.util.Optional.of(src.put(source.id(), fields));
    };
    SyncJob job = job().writeBack(writeBack).build();
    job.runOnce();
    assertThat(dst.all()).singleElement()
        .satisfies(e -> assertThat(e.text("Name")).contains("cust1"));

    SyncResult second = job.runOnce();

    assertThat(second.updated()).isEqualTo(1);
    assertThat(dst.all()).singleElement()
        .satisfies(e -> assertThat(e.text("Name")).contains("renamed"));
  }

  @Test
  void build_twoTargetsOfOneSystemAndType_rejected() {
    // e.g. two Sage 300 companies behind connectors that both call themselves sage300: the key
    // map and the ledger could not tell their records apart
    FakeConnector second = new FakeConnector("sage300", C, 3, clock);

    assertThatThrownBy(() -> job().target(SyncTarget.of(second, C).named("company-b")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two targets writing sage300:customer");
  }

  @Test
  void build_missingParts_failsWithClearMessage() {
    assertThatThrownBy(() -> SyncJob.builder("j").target(dst, C).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no source");
    assertThatThrownBy(() -> SyncJob.builder("j").source(src, C).build())
        .hasMessageContaining("no target");
    assertThatThrownBy(() -> SyncJob.builder("j").source(src, C).target(dst, C).build())
        .hasMessageContaining("no mapping for target sage300:customer");
    assertThatThrownBy(() -> SyncJob.builder("j").source(src, C).mapping(customerMapping())
        .target(dst, C).target(dst, C).build()).hasMessageContaining("two targets");
    assertThatThrownBy(() -> SyncJob.builder(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runOnce_listener_seesEveryStepInOrder() {
    seed(1);
    src.put("bad", obj("nope", "x"));
    RecordingSyncListener listener = new RecordingSyncListener();
    SyncJob job = job().listener(listener).build();

    job.runOnce();
    job.runOnce();

    assertThat(listener.events).containsExactly(
        "jobStarted", "pageRead 2", "recordDeadLettered bng:customer:bad",
        "recordWritten bng:customer:c1 CREATED", "checkpointSaved 2", "progress",
        "jobFinished", "jobStarted", "pageRead 0", "checkpointSaved 2", "progress", "jobFinished");
  }
}
