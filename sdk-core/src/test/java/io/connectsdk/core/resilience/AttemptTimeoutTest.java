package io.connectsdk.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AttemptTimeoutTest {
  private final FakeTime time = new FakeTime();

  @Test
  void attemptTimeout_blockedCall_interruptedAndRetried() {
    StandardResiliencePolicy policy = ResiliencePolicy.builder().sleeper(time).clock(time)
        .noCircuitBreaker().maxAttempts(2).attemptTimeout(Duration.ofMillis(50)).build();
    AtomicInteger interrupted = new AtomicInteger();
    CountDownLatch never = new CountDownLatch(1);

    assertThatThrownBy(() -> policy.execute(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        interrupted.incrementAndGet();
      }
      return "late";
    })).isInstanceOf(AttemptTimeoutException.class);

    assertThat(interrupted).hasValue(2);
    assertThat(policy.stats().timeouts()).isEqualTo(2);
    assertThat(policy.stats().retries()).isEqualTo(1);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void attemptTimeout_fastCall_returnsValueAndPassesExceptionsThrough() {
    StandardResiliencePolicy policy = ResiliencePolicy.builder().noRetry()
        .attemptTimeout(Duration.ofMinutes(1)).build();

    assertThat(policy.execute(() -> "quick")).isEqualTo("quick");
    IllegalStateException bug = new IllegalStateException("bug");
    assertThatThrownBy(() -> policy.execute(() -> {
      throw bug;
    })).isSameAs(bug);
  }
}
