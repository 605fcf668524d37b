package io.connectsdk.core.sync;

import static io.connectsdk.core.sync.TestData.customerMapping;
import static io.connectsdk.core.sync.TestData.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.ForwardingConnector;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.store.Stores;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Read-ahead and parallel preparation under faults, odd executors and many tiny pages. */
class SyncJobReadAheadStressTest {
  private static final EntityType C = EntityType.CUSTOMER;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final ExecutorService single = Executors.newSingleThreadExecutor();
  private final ManualClock clock = new ManualClock();

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
    single.shutdownNow();
  }

  private FakeConnector source(int n) {
    FakeConnector src = new FakeConnector("bng", C, 50, clock);
    for (int i = 0; i < n; i++) {
      src.put(String.format("c%03d", i), obj("name", "n" + i, "limit", i));
    }
    return src;
  }

  private SyncJob.Builder job(Connector src, FakeConnector dst, Mapping mapping) {
    return SyncJob.builder("customers").source(src, C).mapping(mapping).target(dst, C)
        .stores(Stores.inMemory(clock)).clock(clock).sleeper(clock);
  }

  @Test
  void readAhead_writeThrowsCheckedExceptionSneakily_surfacesAsIsAndNoReadAheadRunsAfter() {
    FakeConnector src = source(300);
    FakeConnector dst = new FakeConnector("sage300", C, 50, clock);
    IOException disk = new IOException("disk full");
    dst.callFault = n -> n == 1 ? sneaky(disk) : null;
    Queued queued = new Queued();
    SyncJob job = job(src, dst, customerMapping()).pageSize(100).readAhead(queued).build();

    assertThatThrownBy(job::runOnce).isSameAs(disk);

    int readsAtFailure = src.readCalls.get();
    queued.runAll(); // whatever the run left on its executor
    assertThat(readsAtFailure).isEqualTo(1); // page 2, never started, was dropped, not read
    assertThat(src.readCalls).hasValue(readsAtFailure);
    assertThat(job.checkpoint()).isEmpty();
  }

  @Test
  void runOnce_writeThrowsCheckedExceptionSneakily_listenerToldJobFailed() {
    FakeConnector src = source(10);
    FakeConnector dst = new FakeConnector("sage300", C, 50, clock);
    IOException disk = new IOException("disk full");
    dst.callFault = n -> sneaky(disk);
    RecordingSyncListener events = new RecordingSyncListener();
    SyncJob job = job(src, dst, customerMapping()).listener(events).build();

    assertThatThrownBy(job::runOnce).isSameAs(disk);

    assertThat(events.events).contains("jobFailed IOException");
  }

  @Test
  void readAhead_nextPageReadThrowsCheckedExceptionSneakily_surfacesAsIsAfterCurrentPage() {
    FakeConnector src = source(300);
    FakeConnector dst = new FakeConnector("sage300", C, 50, clock);
    IOException socket = new IOException("connection reset");
    AtomicInteger reads = new AtomicInteger();
    Connector source = new ForwardingConnector(src) {
      @Override
      public Page readChanges(EntityType type, Cursor cursor, int limit) {
        if (reads.incrementAndGet() == 2) {
          throw sneaky(socket);
        }
        return super.readChanges(type, cursor, limit);
      }
    };
    SyncJob job = job(source, dst, customerMapping()).pageSize(100).readAhead(pool).build();

    assertThatThrownBy(job::runOnce).isSameAs(socket);

    assertThat(job.checkpoint()).hasValueSatisfying(c -> assertThat(c.cursor().value()).isEqualTo("100"));
    assertThat(dst.recordsApplied).hasValue(100);
  }

  @Test
  void readAhead_executorShutDown_runsEveryPageOnTheJobThread() {
    FakeConnector src = source(250);
    FakeConnector dst = new FakeConnector("sage300", C, 50, clock);
    ExecutorService shutDown = Executors.newSingleThreadExecutor();
    shutDown.shutdown();
    SyncJob job = job(src, dst, customerMapping()).pageSize(100).readAhead(shutDown)
        .build();

    SyncResult result = job.runOnce();

    assertThat(result.created()).isEqualTo(250);
    assertThat(dst.recordsApplied).hasValue(250);
  }

  /**
   * Many runs over tiny and mid-sized pages, with mapping Errors, source failures and write
   * crashes at random (seeded) points, on a pool, one thread, an executor that never runs its
   * tasks and one that rejects them: after enough reruns every record is in the target exactly
   * once, every failure surfaces as the exception thrown, and no mapping or read is in progress
   * once {@code runOnce} has returned or thrown.
   */
  @Test
  void readAhead_randomFaultsAndExecutors_everyRecordOnceAndNothingRunsAfterRunOnce() {
    Random random = new Random(20261122L);
    for (int round = 0; round < 40; round++) {
      int n = 20 + random.nextInt(60);
      int pageSize = round % 4 == 3 ? 33 + random.nextInt(70) : 1 + random.nextInt(3);
      Executor ahead = executor(round % 4);
      Executor helpers = executor((round / 4) % 4);
      long seed = random.nextLong();
      runRound(n, pageSize, ahead, helpers, seed);
    }
    assertNoMdcLeftOn(pool);
    assertNoMdcLeftOn(single);
  }

  private void runRound(int n, int pageSize, Executor ahead, Executor helpers, long seed) {
    Random faults = new Random(seed);
    AtomicInteger active = new AtomicInteger();
    Set<Throwable> thrown = ConcurrentHashMap.newKeySet();
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    Set<String> unlucky = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < n; i++) {
      if (faults.nextInt(10) == 0) {
        unlucky.add(String.format("c%03d", i));
      }
    }
    Mapping mapping = e -> {
      active.incrementAndGet();
      try {
        if (unlucky.contains(e.id()) && failedOnce.add(e.id())) {
          MappingBug bug = new MappingBug(e.id());
          thrown.add(bug);
          throw bug;
        }
        return customerMapping().apply(e);
      } finally {
        active.decrementAndGet();
      }
    };
    FakeConnector src = source(n);
    AtomicInteger reads = new AtomicInteger();
    int failingRead = 1 + faults.nextInt(Math.max(1, n / pageSize));
    Connector flaky = new ForwardingConnector(src) {
      @Override
      public Page readChanges(EntityType type, Cursor cursor, int limit) {
        active.incrementAndGet();
        try {
          if (reads.incrementAndGet() == failingRead) {
            TransientException down = new TransientException("bng", "unavailable");
            thrown.add(down);
            throw down;
          }
          return super.readChanges(type, cursor, limit);
        } finally {
          active.decrementAndGet();
        }
      }
    };
    FakeConnector dst = new FakeConnector("sage300", C, 50, clock);
    int crashingWrite = 1 + faults.nextInt(Math.max(1, n / pageSize));
    dst.callFault = call -> {
      if (call == crashingWrite) {
        IllegalStateException crash = new IllegalStateException("crash");
        thrown.add(crash);
        return crash;
      }
      return null;
    };
    SyncJob job = job(flaky, dst, mapping).pageSize(pageSize).recordAttempts(1)
        .readAhead(ahead).build();

    boolean finished = false;
    for (int attempt = 0; attempt < 200 && !finished; attempt++) {
      try {
        job.runOnce();
        finished = true;
      } catch (RuntimeException | Error e) {
        assertThat(thrown).as("surfaces as thrown: %s", e).contains(e);
      }
      assertThat(active).as("mappings or reads still running after runOnce").hasValue(0);
    }
    if (!finished) {
      fail("no run finished: n=%d pageSize=%d seed=%d", n, pageSize, seed);
    }
    assertThat(dst.size()).as("seed %d", seed).isEqualTo(n);
    assertThat(dst.recordsApplied).as("seed %d", seed).hasValue(n);
    assertThat(dst.all()).extracting(e -> e.text("Name").orElseThrow()).doesNotHaveDuplicates();
  }

  private Executor executor(int kind) {
    return switch (kind) {
      case 0 -> pool;
      case 1 -> single;
      case 2 -> task -> { }; // accepts every task and never runs it
      default -> task -> {
        throw new RejectedExecutionException("shut down");
      };
    };
  }

  private static void assertNoMdcLeftOn(ExecutorService executor) {
    try {
      for (int i = 0; i < 4; i++) {
        Map<String, String> left = executor.submit(MDC::getCopyOfContextMap).get(5, TimeUnit.SECONDS);
        assertThat(left == null ? Map.of() : left).isEmpty();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** An Error a mapping throws, as a bug in user code might. */
  private static final class MappingBug extends Error {
    MappingBug(String id) {
      super("mapping bug on " + id);
    }
  }

  /** Queues tasks (up to a capacity, then rejects) and runs them only when told to. */
  private static final class Queued implements Executor {
    private final int capacity;
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    Queued() {
      this(Integer.MAX_VALUE);
    }

    Queued(int capacity) {
      this.capacity = capacity;
    }

    @Override
    public synchronized void execute(Runnable task) {
      if (tasks.size() >= capacity) {
        throw new RejectedExecutionException("full");
      }
      tasks.add(task);
    }

    void runAll() {
      Runnable task;
      while ((task = poll()) != null) {
        task.run();
      }
    }

    private synchronized Runnable poll() {
      return tasks.poll();
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
