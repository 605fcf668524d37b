package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.ForwardingConnector;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A webhook's {@code onEvent} and a scheduled {@code runOnce} of one job arrive at the same time:
 * the second waits for the first, so the target never sees two writes of the job at once and no
 * record is created twice.
 */
class ConcurrentCallsScenarioTest {

  @Test
  void onEvent_duringRunOnce_waitsAndWritesNoDuplicate() throws Exception {
    FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    for (int i = 1; i <= 5; i++) {
      bng.put(Customers.customer("c" + i, "Customer " + i, "c" + i + "@example.com"));
    }
    InMemoryConnector sage = InMemoryConnector.builder().system("sage300").type(CUSTOMER)
        .clock(clock).build();
    GatedTarget gated = new GatedTarget(sage);
    SyncJob job = SyncJob.builder("bng-to-sage").source(bng, CUSTOMER)
        .mapping(Customers.toSage()).target(gated, CUSTOMER).stores(Stores.inMemory(clock))
        .clock(clock).sleeper(clock).build();

    Thread run = new Thread(job::runOnce, "run");
    run.start();
    assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();
    Thread event = new Thread(() -> job.onEvent(new RecordRef("bng", CUSTOMER, "c3")), "event");
    event.start();
    // the event thread parks on the job's lock while the run holds it inside write
    while (event.getState() != Thread.State.WAITING) {
      assertThat(event.isAlive()).isTrue();
      Thread.onSpinWait();
    }
    assertThat(gated.calls.get()).isEqualTo(1);
    gated.release.countDown();
    run.join(10_000);
    event.join(10_000);

    assertThat(gated.maxConcurrent.get()).isEqualTo(1);
    assertThat(sage.count(CUSTOMER)).isEqualTo(5);
    // the event found c3 written by the run: unchanged, no second write call
    assertThat(gated.calls.get()).isEqualTo(1);
  }

  /** Delegates to a connector; the first write waits for {@link #release}. */
  private static final class GatedTarget extends ForwardingConnector {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    GatedTarget(Connector delegate) {
      super(delegate);
    }

    @Override
    public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
      maxConcurrent.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        if (calls.incrementAndGet() == 1) {
          entered.countDown();
          release.await(10, TimeUnit.SECONDS);
        }
        return super.write(type, requests);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        inside.decrementAndGet();
      }
    }
  }
}
