package io.connectsdk.testkit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.Checkpoint;
import io.connectsdk.core.store.CheckpointStore;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.DeadLetterQueue;
import io.connectsdk.core.store.InMemoryCheckpointStore;
import io.connectsdk.core.store.InMemoryDeadLetterQueue;
import io.connectsdk.core.store.InMemoryKeyMap;
import io.connectsdk.core.store.InMemoryWriteLedger;
import io.connectsdk.core.store.KeyMap;
import io.connectsdk.core.store.RecordError;
import io.connectsdk.core.store.WriteLedger;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The store contracts catch broken stores: run through the JUnit launcher, they fail. */
class StoreContractCanFailTest {

  private static TestExecutionSummary run(Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(testClass))
        .configurationParameter(SelfTestOnly.KEY, "true")
        .build(), listener);
    return listener.getSummary();
  }

  private static List<String> failedMethods(TestExecutionSummary summary) {
    return summary.getFailures().stream()
        .map(f -> f.getTestIdentifier().getSource().orElseThrow())
        .map(s -> ((MethodSource) s).getMethodName())
        .toList();
  }

  private static List<String> failureMessages(TestExecutionSummary summary) {
    return summary.getFailures().stream().map(f -> String.valueOf(f.getException().getMessage()))
        .toList();
  }

  @Test
  void checkpointContract_storeKeepingTheFirstSave_failsTheReplaceTests() {
    TestExecutionSummary summary = run(FirstSaveWinsContract.class);

    assertThat(failedMethods(summary)).containsExactlyInAnyOrder(
        "save_again_replacesPrevious", "save_concurrentJobs_eachKeepsItsLastCheckpoint");
    assertThat(failureMessages(summary)).anySatisfy(
        m -> assertThat(m).startsWith("saving again replaces the checkpoint"));
  }

  @Test
  void keyMapContract_oneWayLinks_failTheBothSidesTests() {
    TestExecutionSummary summary = run(OneWayKeyMapContract.class);

    assertThat(failedMethods(summary)).contains(
        "link_lookupFromEitherSide_findsTheOther",
        "link_concurrentDistinctPairs_allFoundBothWays");
    assertThat(failureMessages(summary)).anySatisfy(
        m -> assertThat(m).startsWith("a link is found from its second side"));
  }

  @Test
  void ledgerContract_keysThatNeverExpire_failTheExpiryTests() {
    TestExecutionSummary summary = run(NeverExpiringLedgerContract.class);

    assertThat(failedMethods(summary)).containsExactlyInAnyOrder(
        "registerKey_afterExpiry_isTrueAgain", "keyResult_afterExpiry_isEmpty",
        "putKeyResult_afterExpiry_storesTheNewTargetId", "putKeyResult_liveKey_keepsItsExpiry");
  }

  @Test
  void deadLetterContract_queueNotMergingRepeats_failsTheOneEntryTests() {
    TestExecutionSummary summary = run(NoMergeQueueContract.class);

    assertThat(failedMethods(summary)).contains(
        "add_sameSourceAgain_updatesTheOneEntry",
        "add_concurrentSameRecord_oneEntryCountingEveryAttempt");
    assertThat(failureMessages(summary)).anySatisfy(
        m -> assertThat(m).startsWith("the same (job, target, source) keeps its entry id"));
  }

  @ExtendWith(SelfTestOnly.class)
  static class FirstSaveWinsContract extends CheckpointStoreContractTest {
    @Override
    protected boolean fenced() {
      return false; // unfenced on purpose: only the planted bug should fail
    }

    @Override
    protected CheckpointStore newStore() {
      InMemoryCheckpointStore real = new InMemoryCheckpointStore();
      return new CheckpointStore() {
        @Override
        public Optional<Checkpoint> load(String jobId) {
          return real.load(jobId);
        }

        @Override
        public synchronized void save(Checkpoint checkpoint) {
          if (real.load(checkpoint.jobId()).isEmpty()) {
            real.save(checkpoint);
          }
        }
      };
    }
  }

  @ExtendWith(SelfTestOnly.class)
  static class OneWayKeyMapContract extends KeyMapContractTest {
    @Override
    protected KeyMap newKeyMap() {
      Map<RecordRef, RecordRef> links = new ConcurrentHashMap<>();
      return new KeyMap() {
        @Override
        public void link(RecordRef a, RecordRef b) {
          links.put(a, b);
        }

        @Override
        public Optional<RecordRef> lookup(RecordRef from, String targetSystem) {
          return Optional.ofNullable(links.get(from)).filter(r -> r.system().equals(targetSystem));
        }

        @Override
        public void unlink(RecordRef ref) {
          links.remove(ref);
        }
      };
    }
  }

  @ExtendWith(SelfTestOnly.class)
  static class NeverExpiringLedgerContract extends WriteLedgerContractTest {
    @Override
    protected WriteLedger newLedger(Clock clock) {
      // a clock frozen at the start: keys never see time pass
      return new InMemoryWriteLedger(Clock.fixed(clock.instant(), clock.getZone()));
    }
  }

  @ExtendWith(SelfTestOnly.class)
  static class NoMergeQueueContract extends DeadLetterQueueContractTest {
    @Override
    protected DeadLetterQueue newQueue(Clock clock) {
      InMemoryDeadLetterQueue real = new InMemoryDeadLetterQueue(clock);
      return new DeadLetterQueue() {
        private int n;

        @Override
        public synchronized DeadLetter add(
            String jobId, String target, RecordRef source, Entity record, RecordError error) {
          // a fresh source id per add: repeats are never merged
          RecordRef unique = new RecordRef(source.system(), source.type(), source.id() + "#" + n++);
          return real.add(jobId, target, unique, record, error);
        }

        @Override
        public List<DeadLetter> list(String jobId, int offset, int limit) {
          return real.list(jobId, offset, limit);
        }

        @Override
        public Optional<DeadLetter> get(String id) {
          return real.get(id);
        }

        @Override
        public Optional<DeadLetter> find(String jobId, String target, RecordRef source) {
          return real.find(jobId, target, source);
        }

        @Override
        public boolean markReplayed(String id) {
          return real.markReplayed(id);
        }

        @Override
        public boolean discard(String id) {
          return real.discard(id);
        }

        @Override
        public long count(String jobId) {
          return real.count(jobId);
        }
      };
    }
  }
}
