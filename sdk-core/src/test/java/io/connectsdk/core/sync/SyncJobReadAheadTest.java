package io.connectsdk.core.sync;

import static io.connectsdk.core.sync.TestData.customerMapping;
import static io.connectsdk.core.sync.TestData.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.ForwardingConnector;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.store.Stores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncJobReadAheadTest {
  private static final EntityType C = EntityType.CUSTOMER;
  private final ExecutorService ahead = Executors.newSingleThreadExecutor(r -> new Thread(r, "ahead"));
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private ManualClock clock;
  private FakeConnector src;
  private FakeConnector dst;

  @BeforeEach
  void setUp() {
    clock = new ManualClock();
    src = new FakeConnector("bng", C, 50, clock);
    dst = new FakeConnector("sage300", C, 50, clock);
  }

  @AfterEach
  void tearDown() {
    ahead.shutdownNow();
    pool.shutdownNow();
  }

  private void fill(int n) {
    for (int i = 0; i < n; i++) {
      src.put(String.format("c%03d", i), obj("name", "n" + i, "limit", i));
    }
  }

  private SyncJob.Builder job(Connector source, Stores stores) {
    return SyncJob.builder("customers").source(source, C).mapping(customerMapping())
        .target(dst, C).stores(stores).clock(clock).sleeper(clock).pageSize(100);
  }

  @Test
  void readAhead_manyPages_sameOutcomeAsOnePageAtATime() {
    fill(1000);
    src.put("bad", obj("name", "far too long a name", "limit", 7)); // unmappable
    Set<String> mappedOn = ConcurrentHashMap.newKeySet();
    Mapping recording = e -> {
      mappedOn.add(Thread.currentThread().getName());
      return customerMapping().apply(e);
    };
    Stores stores = Stores.inMemory(clock);
    SyncJob job = job(src, stores).mapping(recording).readAhead(ahead).build();

    SyncResult result = job.runOnce();

    assertThat(result.read()).isEqualTo(1001);
    assertThat(result.created()).isEqualTo(1000);
    assertThat(result.deadLettered()).isEqualTo(1);
    assertThat(dst.size()).isEqualTo(1000);
    assertThat(dst.recordsApplied).hasValue(1000);
    assertThat(dst.all()).extracting(e -> e.text("Name").orElseThrow())
        .doesNotHaveDuplicates().contains("n0", "n500", "n999");
    assertThat(stores.deadLetters().list("customers", 0, 10)).hasSize(1);
    assertThat(job.checkpoint()).hasValueSatisfying(c -> assertThat(c.cursor().value()).isEqualTo("1001"));
    assertThat(mappedOn).contains("ahead");
    assertThat(job.runOnce().created()).isZero();
    assertThat(dst.recordsApplied).hasValue(1000);
  }

  @Test
  void readAhead_sameRecordChangedInNextPage_mappedDuringTheWriteYetUpdatesWhatPageOneCreated()
      throws Exception {
    Entity v1 = customer("c1", "first", 1);
    Entity v2 = customer("c1", "second", 2);
    Connector source = new ScriptedSource(List.of(
        List.of(customer("c0", "zero", 1), v1), List.of(v2, customer("c2", "two", 2))));
    CountDownLatch secondPageMapped = new CountDownLatch(1);
    Mapping mapping = e -> {
      if (e.id().equals("c1") && e.text("name").orElse("").equals("second")) {
        secondPageMapped.countDown();
      }
      return customerMapping().apply(e);
    };
    AtomicInteger call = new AtomicInteger();
    dst.batchFault = batch -> {
      if (call.incrementAndGet() == 1) {
        // the first page's write waits until the next page is mapped: they overlap for sure
        awaitOrFail(secondPageMapped);
      }
      return null;
    };
    // a target taking two per call: each window is one page of two, so the pages overlap
    dst = new FakeConnector("sage300", C, 2, clock);
    dst.batchFault = batch -> {
      if (call.incrementAndGet() == 1) {
        awaitOrFail(secondPageMapped);
      }
      return null;
    };
    SyncJob job = job(source, Stores.inMemory(clock)).mapping(mapping).pageSize(2)
        .readAhead(ahead).build();

    SyncResult result = job.runOnce();

    assertThat(result.created()).isEqualTo(3);
    assertThat(result.updated()).isEqualTo(1);
    assertThat(dst.size()).isEqualTo(3);
    List<WriteRequest> forC1 = dst.requests.stream()
        .filter(r -> r.sourceRef().endsWith(":c1")).toList();
    assertThat(forC1).hasSize(2);
    assertThat(forC1.get(0).targetId()).isEmpty();
    assertThat(forC1.get(1).targetId()).isPresent(); // linked by page one: an update, no 2nd create
    assertThat(dst.all()).extracting(e -> e.text("Name").orElseThrow())
        .containsExactlyInAnyOrder("zero", "second", "two");
  }

  @Test
  void readAhead_writeFailsMidRun_checkpointAtLastPageDoneNothingRunsAfterAndRerunCompletes() {
    fill(500);
    AtomicInteger call = new AtomicInteger();
    // from call 5 on the target is down (a single failing call would be isolated as a poison)
    dst.callFault = n -> call.incrementAndGet() >= 5 ? new IllegalStateException("crash") : null;
    Stores stores = Stores.inMemory(clock);
    SyncJob job = job(src, stores).readAhead(ahead).build();

    assertThatThrownBy(job::runOnce).hasMessage("crash");

    // pages of 100, batches of 50: call 5 is the first write of page 3
    assertThat(job.checkpoint()).hasValueSatisfying(c -> assertThat(c.cursor().value()).isEqualTo("200"));
    int readsAtFailure = src.readCalls.get();
    // pages 1-3, and page 4 if the read-ahead thread had started it before the failure (a page
    // not yet started is dropped)
    assertThat(readsAtFailure).isBetween(3, 4);
    dst.callFault = n -> null;
    SyncResult rerun = job.runOnce();
    assertThat(rerun.read()).isEqualTo(300);
    assertThat(dst.size()).isEqualTo(500);
    assertThat(dst.recordsApplied).hasValue(500);
    assertThat(dst.all()).extracting(e -> e.text("Name").orElseThrow()).doesNotHaveDuplicates();
  }

  @Test
  void readAhead_readingNextPageFails_currentPageIsStillWrittenAndCheckpointed() {
    fill(300);
    AtomicInteger reads = new AtomicInteger();
    Connector source = new ForwardingConnector(src) {
      @Override
      public Page readChanges(EntityType type, Cursor cursor, int limit) {
        if (reads.incrementAndGet() == 2) {
          throw new TransientException("bng", "page two unavailable");
        }
        return super.readChanges(type, cursor, limit);
      }
    };
    Stores stores = Stores.inMemory(clock);
    SyncJob job = job(source, stores).recordAttempts(1).readAhead(ahead).build();

    assertThatThrownBy(job::runOnce).isInstanceOf(TransientException.class)
        .hasMessageContaining("page two unavailable");

    assertThat(dst.size()).isEqualTo(100);
    assertThat(job.checkpoint()).hasValueSatisfying(c -> assertThat(c.cursor().value()).isEqualTo("100"));
    SyncResult rerun = job.runOnce();
    assertThat(rerun.read()).isEqualTo(200);
    assertThat(dst.recordsApplied).hasValue(300);
  }

  @Test
  void readAhead_sharingOneThread_finishesWithoutDeadlock() {
    fill(600);
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      SyncJob job = job(src, Stores.inMemory(clock))
          .readAhead(single).build();

      SyncResult result = job.runOnce();

      assertThat(result.created()).isEqualTo(600);
      assertThat(dst.recordsApplied).hasValue(600);
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void readAhead_jobRunsOnTheReadAheadExecutorsOnlyThread_runsTheNextPageItselfNoDeadlock()
      throws Exception {
    fill(450);
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      SyncJob job = job(src, Stores.inMemory(clock)).readAhead(single).build();

      // e.g. scheduled on the same one-thread executor: every read-ahead task queues behind it
      SyncResult result = single.submit(job::runOnce).get(10, TimeUnit.SECONDS);

      assertThat(result.created()).isEqualTo(450);
      assertThat(dst.recordsApplied).hasValue(450);
      assertThat(src.readCalls).hasValue(5);
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void readAhead_nullExecutor_rejected() {
    assertThatThrownBy(() -> job(src, Stores.inMemory(clock)).readAhead(null))
        .isInstanceOf(NullPointerException.class);
  }

  private Entity customer(String id, String name, int second) {
    return Entity.builder(C, id).origin("bng").fields(obj("name", name, "limit", 1))
        .updatedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second)).build();
  }

  private static void awaitOrFail(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the next page was not mapped while this one was written");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A read-only source that serves fixed pages; the cursor is the index of the next page. */
  private static final class ScriptedSource implements Connector {
    private final List<List<Entity>> pages;

    ScriptedSource(List<List<Entity>> pages) {
      this.pages = pages;
    }

    @Override
    public String system() {
      return "bng";
    }

    @Override
    public Map<EntityType, Capabilities> capabilities() {
      return Map.of(C, Capabilities.readOnly());
    }

    @Override
    public Page readChanges(EntityType type, Cursor cursor, int limit) {
      int index = cursor.isBeginning() ? 0 : Integer.parseInt(cursor.value());
      return new Page(pages.get(index), Cursor.of(String.valueOf(index + 1)),
          index + 1 < pages.size());
    }

    @Override
    public Optional<Entity> get(EntityType type, String id) {
      return Optional.empty();
    }

    @Override
    public List<Entity> find(EntityType type, String field, String value) {
      return List.of();
    }

    @Override
    public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
      throw new UnsupportedOperationException();
    }
  }
}
