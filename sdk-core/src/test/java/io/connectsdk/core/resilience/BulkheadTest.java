package io.connectsdk.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.TransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkheadTest {
  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private StandardResiliencePolicy policy(Duration maxWait) {
    return ResiliencePolicy.builder().system("sage300").noRetry().noCircuitBreaker()
        .maxConcurrency(2, maxWait).build();
  }

  @Test
  void bulkhead_full_refusesWithoutCallingRemote() throws Exception {
    StandardResiliencePolicy policy = policy(Duration.ZERO);
    CountDownLatch inside = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    List<Future<String>> holders = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      holders.add(threads.submit(() -> policy.execute(() -> {
        inside.countDown();
        await(release);
        return "done";
      })));
    }
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    AtomicInteger reached = new AtomicInteger();

    assertThatThrownBy(() -> policy.execute(reached::incrementAndGet))
        .isInstanceOf(BulkheadFullException.class)
        .isInstanceOf(TransientException.class);

    release.countDown();
    for (Future<String> f : holders) {
      assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("done");
    }
    assertThat(reached).hasValue(0);
    assertThat(policy.stats().bulkheadRejections()).isEqualTo(1);
    assertThat(policy.execute(reached::incrementAndGet)).isEqualTo(1);
  }

  @Test
  void bulkhead_limitsConcurrency_waitersRunWhenSlotsFree() throws Exception {
    StandardResiliencePolicy policy = policy(Duration.ofMinutes(1));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    CountDownLatch twoInside = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    List<Future<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(threads.submit(() -> policy.execute(() -> {
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        twoInside.countDown();
        await(release);
        running.decrementAndGet();
        return 1;
      })));
    }
    assertThat(twoInside.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(running).hasValue(2);

    release.countDown();
    int total = 0;
    for (Future<Integer> f : calls) {
      total += f.get(10, TimeUnit.SECONDS);
    }

    assertThat(total).isEqualTo(4);
    assertThat(maxRunning).hasValue(2);
    assertThat(policy.stats().attempts()).isEqualTo(4);
  }

  @Test
  void bulkhead_callThrows_releasesSlot() {
    StandardResiliencePolicy policy = policy(Duration.ZERO);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> policy.execute(() -> {
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
    }
    assertThat(policy.execute(() -> "free")).isEqualTo("free");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
