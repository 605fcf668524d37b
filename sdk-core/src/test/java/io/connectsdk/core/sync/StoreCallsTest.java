package io.connectsdk.core.sync;

import static io.connectsdk.core.sync.TestData.customerMapping;
import static io.connectsdk.core.sync.TestData.obj;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.store.Checkpoint;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The engine talks to stores per page, not per record: counted with proxies over the in-memory
 * stores, as a JDBC store would count round trips (figures in sdk-core/README.md).
 */
class StoreCallsTest {
  private static final EntityType C = EntityType.CUSTOMER;
  private final ManualClock clock = new ManualClock();
  private final CountingStores counting = new CountingStores(clock);

  private SyncJob job(FakeConnector src, FakeConnector dst) {
    return SyncJob.builder("customers").source(src, C).mapping(customerMapping()).target(dst, C)
        .stores(counting.stores()).clock(clock).sleeper(clock).pageSize(100).build();
  }

  private static void fill(FakeConnector src, int n) {
    for (int i = 0; i < n; i++) {
      src.put("c" + i, obj("name", "n" + i));
    }
  }

  @Test
  void runOnce_pageOfHundredNewRecords_atMostEightStoreCalls() {
    FakeConnector src = new FakeConnector("bng", C, 100, clock);
    FakeConnector dst = new FakeConnector("sage300", C, 100, clock);
    fill(src, 1000);
    SyncJob job = job(src, dst);

    SyncResult result = job.runOnce();

    assertThat(result.created()).isEqualTo(1000);
    // one claim per run, then per page: 3 loads, 1 create-intent write, 1 commit per store
    int perRun = counting.calls().getOrDefault("checkpoints.claim", 0);
    assertThat(perRun).isEqualTo(1);
    System.out.println("store calls, 10 pages of 100 new records: " + counting.calls());
    assertThat((counting.total() - perRun) / 10.0)
        .as("store calls per page of 100 new records: %s", counting.calls())
        .isLessThanOrEqualTo(8);
  }

  @Test
  void runOnce_pageOfHundredUnchangedRecords_atMostFourStoreCalls() {
    FakeConnector src = new FakeConnector("bng", C, 100, clock);
    FakeConnector dst = new FakeConnector("sage300", C, 100, clock);
    fill(src, 1000);
    SyncJob job = job(src, dst);
    job.runOnce();
    // the source lists every record again with the same content (e.g. a full re-read)
    clock.advance(Duration.ofMinutes(1));
    fill(src, 1000);
    counting.stores().checkpoints().save(new Checkpoint("customers",
        Cursor.of("1000"), clock.instant()));
    counting.reset();

    SyncResult result = job.runOnce();

    assertThat(result.unchanged()).isEqualTo(1000);
    assertThat(dst.writeCalls.get()).isEqualTo(10);
    int perRun = counting.calls().getOrDefault("checkpoints.claim", 0);
    System.out.println("store calls, 10 pages of 100 unchanged records: " + counting.calls());
    assertThat((counting.total() - perRun) / 10.0)
        .as("store calls per page of 100 unchanged records: %s", counting.calls())
        .isLessThanOrEqualTo(4);
  }

  @ParameterizedTest(name = "N={0}")
  @ValueSource(ints = {1, 200, 201, 1000})
  void runOnce_targetTakingTwoHundred_writeCallsAreCeilingOfNOverTwoHundred(int n) {
    FakeConnector src = new FakeConnector("bng", C, 100, clock);
    FakeConnector dst = new FakeConnector("sage300", C, 200, clock);
    fill(src, n);

    SyncResult result = job(src, dst).runOnce();

    assertThat(result.created()).isEqualTo(n);
    assertThat(dst.writeCalls.get()).isEqualTo((n + 199) / 200);
  }
}
