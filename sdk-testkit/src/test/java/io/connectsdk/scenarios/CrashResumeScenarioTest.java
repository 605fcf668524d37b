package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.testkit.ConnectorStats;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import io.connectsdk.testkit.SimulatedCrash;
import io.connectsdk.testkit.RecordingListener;
import org.junit.jupiter.api.Test;

/**
 * A job dies in the middle of a write call, after part of a page was applied; run again with the
 * same stores it resumes from its checkpoint: nothing lost, nothing duplicated, and the records
 * of the page already written are not written again.
 */
class CrashResumeScenarioTest {

  @Test
  void runOnce_crashMidPage_rerunResumesFromCheckpoint() {
    FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    for (int i = 1; i <= 50; i++) {
      bng.put(Customers.customer("c" + i, "Customer " + i, "c" + i + "@example.com"));
    }
    InMemoryConnector sage = InMemoryConnector.builder().system("sage300")
        .type(CUSTOMER, Capabilities.readWrite(10)).clock(clock).build();
    // page 1 = c1..c20, page 2 = c21..c40 in batches c21..c30 and c31..c40: the process dies
    // right after c33 is applied, before the call returns
    sage.faults().crashAfterRecords(33, () -> new SimulatedCrash("process killed"));
    Stores stores = Stores.inMemory(clock);
    RecordingListener events = new RecordingListener();
    SyncJob job = SyncJob.builder("bng-to-sage").source(bng, CUSTOMER).mapping(Customers.toSage())
        .target(sage, CUSTOMER).stores(stores).clock(clock).sleeper(clock).pageSize(20)
        .listener(events).build();

    assertThatThrownBy(job::runOnce).isInstanceOf(SimulatedCrash.class)
        .hasMessage("process killed");
    assertThat(sage.count(CUSTOMER)).isEqualTo(33);
    // only page 1 completed, so only its cursor was saved
    assertThat(events.events(RecordingListener.Kind.CHECKPOINT_SAVED)).singleElement()
        .satisfies(e -> assertThat(job.checkpoint().orElseThrow().cursor())
            .isEqualTo(Cursor.of(e.detail())));
    assertThat(events.kinds()).last().isEqualTo(RecordingListener.Kind.JOB_FAILED);
    ConnectorStats before = sage.stats();

    SyncResult second = job.runOnce();

    ConnectorStats after = sage.stats();
    assertThat(sage.count(CUSTOMER)).isEqualTo(50);
    assertThat(sage.records(CUSTOMER)).extracting(e -> e.text("CustomerNumber").orElseThrow())
        .doesNotHaveDuplicates();
    assertThat(second.read()).isEqualTo(30);
    // c21..c30 are in the ledger: skipped without a write
    assertThat(second.unchanged()).isEqualTo(10);
    assertThat(events.events(RecordingListener.Kind.RECORD_SKIPPED)).hasSize(10)
        .allSatisfy(e -> assertThat(e.detail()).isEqualTo("unchanged"));
    // c31..c33 were applied but never acknowledged: sent again with the same idempotency keys and
    // answered from them; c34..c50 are new
    assertThat(after.replayed() - before.replayed()).isEqualTo(3);
    assertThat(after.created() - before.created()).isEqualTo(17);
    assertThat(second.created()).isEqualTo(20);
    // 20 records in batches of 10 over pages c21..c40 (2 write calls: the 10 skipped left 10)
    // and c41..c50 (1 call)
    assertThat(after.writeCalls() - before.writeCalls()).isEqualTo(2);
    assertThat(events.count(RecordingListener.Kind.CHECKPOINT_SAVED)).isEqualTo(1 + 2);

    SyncResult third = job.runOnce();
    assertThat(third.read()).isZero();
    assertThat(sage.stats().writeCalls()).isEqualTo(after.writeCalls());
  }
}
