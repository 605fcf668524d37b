package io.connectsdk.core.sync;

import static io.connectsdk.core.sync.TestData.customerMapping;
import static io.connectsdk.core.sync.TestData.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.store.Stores;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncJobModesTest {
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
  void runOnce_concurrentCalls_neverOverlap() throws Exception {
    src.put("c1", obj("name", "one"));
    CountDownLatch inWrite = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    dst.callFault = call -> {
      if (call == 1) {
        inWrite.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return null;
    };
    RecordingSyncListener listener = new RecordingSyncListener();
    SyncJob job = job().listener(listener).build();
    Thread first = new Thread(job::runOnce);
    first.start();
    inWrite.await(10, TimeUnit.SECONDS);
    Thread second = new Thread(job::runOnce);
    second.start();
    while (second.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }

    assertThat(listener.events).filteredOn("jobStarted"::equals).hasSize(1);
    release.countDown();
    first.join();
    second.join();

    assertThat(listener.events).filteredOn("jobFinished"::equals).hasSize(2);
    assertThat(listener.events.indexOf("jobFinished"))
        .isLessThan(listener.events.lastIndexOf("jobStarted"));
    assertThat(dst.size()).isEqualTo(1);
  }

  @Test
  void schedule_failedRunDoesNotStopSchedule_cancelStopsIt() throws Exception {
    src.put("c1", obj("name", "one"));
    dst.callFault = call -> call == 1 ? new TransientException("sage300", "503") : null;
    CountDownLatch finished = new CountDownLatch(1);
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    AtomicInteger ended = new AtomicInteger();
    SyncJob job = job().recordAttempts(1).listener(new SyncListener() {
      @Override
      public void jobStarted(String jobId) {
        started.incrementAndGet();
      }

      @Override
      public void jobFailed(String jobId, Throwable error) {
        failures.incrementAndGet();
        ended.incrementAndGet();
      }

      @Override
      public void jobFinished(String jobId, SyncResult result) {
        ended.incrementAndGet();
        finished.countDown();
      }
    }).build();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledSync handle = job.schedule(executor, Duration.ZERO, Duration.ofMillis(1));
      assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
      handle.cancel();
      int startedAtCancel = started.get();
      int finishedAtCancel = ended.get();
      // let every run the executor had already queued or started come to an end
      executor.shutdown();
      assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

      assertThat(handle.isCancelled()).isTrue();
      assertThat(failures.get()).isEqualTo(1);
      assertThat(dst.size()).isEqualTo(1);
      // no run started after cancel() returned; at most the one in progress then finished
      assertThat(started.get()).isEqualTo(startedAtCancel);
      assertThat(ended.get()).isBetween(finishedAtCancel, startedAtCancel);
    } finally {
      executor.shutdownNow();
    }
    assertThatThrownBy(() -> job.schedule(executor, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runOnce_throwingListener_isIgnored() {
    src.put("c1", obj("name", "one"));
    SyncJob job = job().listener(new SyncListener() {
      @Override
      public void recordWritten(
          String jobId, RecordRef s, RecordRef t, io.connectsdk.core.spi.WriteResult.Status st) {
        throw new IllegalStateException("listener bug");
      }
    }).build();

    assertThat(job.runOnce().created()).isEqualTo(1);
  }

  @Test
  void runOnce_sameRecordTwiceInOnePage_writesLatestOnce() {
    src.put("c1", obj("name", "old"));
    src.put("c1", obj("name", "new")); // the change log lists c1 twice
    RecordingSyncListener listener = new RecordingSyncListener();

    SyncResult result = job().listener(listener).build().runOnce();

    assertThat(result.read()).isEqualTo(2);
    assertThat(result.created()).isEqualTo(1);
    assertThat(result.unchanged()).isEqualTo(1);
    assertThat(dst.all()).singleElement()
        .satisfies(e -> assertThat(e.text("Name")).contains("new"));
    assertThat(listener.events).contains("recordSkipped bng:customer:c1 superseded in the same page");
  }

  @Test
  void lastWriterWins_targetChangedLater_notOverwritten() {
    src.put("c1", obj("name", "one"));
    SyncJob job = job().conflictPolicy(ConflictPolicy.lastWriterWins()).build();
    job.runOnce();
    String targetId = dst.all().get(0).id();
    // the source changes, then the target changes later
    clock.advance(Duration.ofMinutes(1));
    src.put("c1", obj("name", "src edit"));
    clock.advance(Duration.ofMinutes(1));
    dst.put(targetId, obj("Name", "dst edit"));

    SyncResult result = job.runOnce();

    assertThat(result.unchanged()).isEqualTo(1);
    assertThat(dst.record(targetId).orElseThrow().text("Name")).contains("dst edit");

    // a newer source change wins
    clock.advance(Duration.ofMinutes(1));
    src.put("c1", obj("name", "src again"));
    assertThat(job.runOnce().updated()).isEqualTo(1);
    assertThat(dst.record(targetId).orElseThrow().text("Name")).contains("src again");
  }

  @Test
  void onEvent_entityOfOtherType_rejected() {
    SyncJob job = job().build();
    Entity vendor = Entity.builder(EntityType.VENDOR, "v1").build();

    assertThatThrownBy(() -> job.onEvent(vendor)).isInstanceOf(IllegalArgumentException.class);
    assertThat(job.onEvent(Entity.builder(C, "x").field("name", "direct").build()).created())
        .isEqualTo(1);
    assertThat(job.targets()).extracting(SyncTarget::name).isEqualTo(List.of("sage300:customer"));
  }

  @Test
  void onEvent_entityFromAnotherSystem_rejectedWithoutWrite() {
    SyncJob job = job().build();
    // a record of the target system handed to the wrong job by mistake
    Entity foreign = Entity.builder(C, "cus_1").origin("sage300").field("name", "x").build();

    assertThatThrownBy(() -> job.onEvent(foreign)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sage300");
    assertThat(job.stores().keyMap().lookup(new RecordRef("bng", C, "cus_1"), "sage300"))
        .isEmpty();
  }

  @Test
  void twoWaySync_missingParts_rejected() {
    assertThatThrownBy(() -> TwoWaySync.builder("x").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("both sides");
    assertThatThrownBy(() -> TwoWaySync.builder("x")
        .a(src, C, io.connectsdk.core.resilience.ResiliencePolicy.none())
        .b(dst, C, io.connectsdk.core.resilience.ResiliencePolicy.none())
        .aToB(customerMapping()).build()).hasMessageContaining("both mappings");
    assertThatThrownBy(() -> TwoWaySync.builder("x")
        .a(src, C, io.connectsdk.core.resilience.ResiliencePolicy.none())
        .b(src, C, io.connectsdk.core.resilience.ResiliencePolicy.none())
        .aToB(customerMapping()).bToA(customerMapping()).build())
        .hasMessageContaining("both sides are bng");
  }
}
