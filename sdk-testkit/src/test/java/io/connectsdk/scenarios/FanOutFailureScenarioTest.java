package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.testkit.ConnectorOperation;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One source fanned out to two targets, one of which fails: the checkpoint must not pass the
 * page while a target lacks its records, and the re-run must not write the healthy target again.
 */
class FanOutFailureScenarioTest {
  private static final String JOB = "bng-fan-out";
  private static final int RECORDS = 6;

  private final FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
  private final InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
      .clock(clock).build();
  private final InMemoryConnector sage = InMemoryConnector.builder().system("sage300")
      .type(CUSTOMER).naturalKey(CUSTOMER, "CustomerNumber").clock(clock).build();
  // no natural key: only the engine's key map and idempotency keys prevent duplicates
  private final InMemoryConnector crm = InMemoryConnector.builder().system("crm").type(CUSTOMER)
      .clock(clock).build();
  private final Stores stores = Stores.inMemory(clock);

  private SyncJob job() {
    return SyncJob.builder(JOB).source(bng, CUSTOMER).mapping(Customers.toSage())
        .target(sage, CUSTOMER).target(crm, CUSTOMER).stores(stores).clock(clock).sleeper(clock)
        .recordAttempts(3).build();
  }

  private void seed() {
    for (int i = 1; i <= RECORDS; i++) {
      bng.put(Customers.customer("c" + i, "Customer " + i, "c" + i + "@example.com"));
    }
  }

  @Test
  void runOnce_secondTargetDownPastRetries_noCheckpointAndRerunWritesOnlyIt() {
    seed();
    // down for the whole first run: the batch call and the three single calls that tell an
    // outage from a poison record all fail (the target has no retry policy of its own)
    crm.faults().throwNext(ConnectorOperation.WRITE, 4,
        () -> new TransientException("crm", "503"));

    assertThatThrownBy(job()::runOnce).isInstanceOf(TransientException.class);
    assertThat(sage.count(CUSTOMER)).isEqualTo(RECORDS);
    assertThat(crm.count(CUSTOMER)).isZero();
    assertThat(stores.checkpoints().load(JOB)).isEmpty();
    long sageWrites = sage.stats().writeCalls();

    SyncResult second = job().runOnce();

    assertThat(crm.count(CUSTOMER)).isEqualTo(RECORDS);
    assertThat(sage.count(CUSTOMER)).isEqualTo(RECORDS);
    assertThat(sage.stats().writeCalls()).isEqualTo(sageWrites);
    assertThat(second.created()).isEqualTo(RECORDS);
    assertThat(second.unchanged()).isEqualTo(RECORDS);
    assertThat(stores.checkpoints().load(JOB)).isPresent();
  }

  @Test
  void runOnce_secondTargetLosesResponseMidBatch_rerunDoesNotDuplicate() {
    seed();
    // crm applies the whole batch, the answer is lost, and so are the answers of the three single
    // calls that follow (an outage, for the engine)
    crm.faults().applyThenFailNext(4);

    assertThatThrownBy(job()::runOnce).isInstanceOf(TransientException.class);
    assertThat(crm.count(CUSTOMER)).isEqualTo(RECORDS);

    job().runOnce();

    assertThat(crm.count(CUSTOMER)).isEqualTo(RECORDS);
    assertThat(sage.count(CUSTOMER)).isEqualTo(RECORDS);
    assertThat(crm.records(CUSTOMER)).extracting(e -> e.text("CustomerNumber").orElseThrow())
        .doesNotHaveDuplicates();
  }

  @Test
  void runOnce_recordKeepsFailingTransientlyInOneTarget_deadLetteredForThatTargetOnly() {
    seed();
    crm.faults().rejectWhere(f -> f.path("CustomerNumber").asText().equals("c2"),
        new WriteError(ErrorKind.TRANSIENT, "Busy", "try later", java.util.Optional.empty(),
            Duration.ZERO));

    SyncResult first = job().runOnce();

    assertThat(first.deadLettered()).isEqualTo(1);
    assertThat(stores.checkpoints().load(JOB)).isPresent();
    DeadLetter letter = stores.deadLetters().list(JOB, 0, 10).get(0);
    assertThat(letter.target()).isEqualTo("crm:customer");
    assertThat(letter.source().id()).isEqualTo("c2");
    assertThat(letter.error().kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(crm.count(CUSTOMER)).isEqualTo(RECORDS - 1);
    assertThat(sage.count(CUSTOMER)).isEqualTo(RECORDS);
    long sageWrites = sage.stats().writeCalls();

    crm.faults().clear();
    SyncResult replay = job().replayDeadLetters();

    assertThat(replay.created()).isEqualTo(1);
    assertThat(crm.count(CUSTOMER)).isEqualTo(RECORDS);
    assertThat(sage.stats().writeCalls()).isEqualTo(sageWrites);
    assertThat(stores.deadLetters().count(JOB)).isZero();
  }
}
