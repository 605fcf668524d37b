package io.connectsdk.core.sync;

import static io.connectsdk.core.sync.TestData.customerMapping;
import static io.connectsdk.core.sync.TestData.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.store.Stores;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncJobParallelTest {
  private static final EntityType C = EntityType.CUSTOMER;
  private final ExecutorService pool = Executors.newFixedThreadPool(3);
  private ManualClock clock;
  private FakeConnector src;
  private FakeConnector dst;

  @BeforeEach
  void setUp() {
    clock = new ManualClock();
    src = new FakeConnector("bng", C, 50, clock);
    dst = new FakeConnector("sage300", C, 50, clock);
    for (int i = 0; i < 500; i++) {
      src.put(String.format("c%03d", i), obj("name", "n" + i, "limit", i));
    }
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  private SyncJob.Builder job(Stores stores) {
    return SyncJob.builder("customers").source(src, C).mapping(customerMapping()).target(dst, C)
        .stores(stores).clock(clock).sleeper(clock).pageSize(200);
  }

  @Test
  void prepareInParallel_manyRecords_sameOutcomeAsSequentialAndWorkersUsed() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    src.put("bad", obj("name", "far too long a name", "limit", 7)); // unmappable: dead-lettered
    SyncJob job = SyncJob.builder("customers").source(src, C)
        .mapping(e -> {
          threads.add(Thread.currentThread().getName());
          return customerMapping().apply(e);
        })
        .target(dst, C).stores(Stores.inMemory(clock)).clock(clock).sleeper(clock).pageSize(200)
        .prepareInParallel(pool, 4).build();

    SyncResult result = job.runOnce();

    assertThat(result.read()).isEqualTo(501);
    assertThat(result.created()).isEqualTo(500);
    assertThat(result.deadLettered()).isEqualTo(1);
    assertThat(dst.size()).isEqualTo(500);
    assertThat(dst.all()).extracting(e -> e.text("Name").orElseThrow())
        .doesNotHaveDuplicates().contains("n0", "n250", "n499");
    assertThat(threads).hasSizeGreaterThan(1);
    assertThat(job.runOnce().created()).isZero();
  }

  @Test
  void prepareInParallel_resolverFailsAsWholeInWorker_runStopsWithoutCheckpoint() {
    Stores stores = Stores.inMemory(clock);
    SyncJob job = job(stores).prepareInParallel(pool, 4)
        .resolver((source, fields, ctx) -> {
          if (source.id().equals("c150")) {
            throw new TransientException("sage300", "lookup failed");
          }
          return fields;
        })
        .build();

    assertThatThrownBy(job::runOnce).isInstanceOf(TransientException.class)
        .hasMessage("lookup failed");
    assertThat(job.checkpoint()).isEmpty();
    assertThat(dst.size()).isZero();
  }

  @Test
  void prepareInParallel_partsBelowOne_rejected() {
    assertThatThrownBy(() -> job(Stores.inMemory(clock)).prepareInParallel(pool, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
