package io.connectsdk.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private final FakeTime time = new FakeTime();

  private StandardResiliencePolicy policy(double perSecond, int burst) {
    return ResiliencePolicy.builder().sleeper(time).clock(time).noCircuitBreaker()
        .rateLimit(perSecond, burst).build();
  }

  @Test
  void rateLimit_burstThenThrottles() {
    StandardResiliencePolicy policy = policy(10, 20);

    for (int i = 0; i < 20; i++) {
      policy.execute(() -> "x");
    }
    assertThat(time.sleeps()).isEmpty();

    for (int i = 0; i < 5; i++) {
      policy.execute(() -> "x");
    }
    assertThat(time.sleeps()).hasSize(5).containsOnly(Duration.ofMillis(100));
    assertThat(policy.stats().rateLimitWaits()).isEqualTo(5);
    assertThat(policy.stats().attempts()).isEqualTo(25);
  }

  @Test
  void rateLimit_idleTime_refillsUpToBurstOnly() {
    StandardResiliencePolicy policy = policy(2, 3);
    for (int i = 0; i < 3; i++) {
      policy.execute(() -> "x");
    }
    time.advance(Duration.ofMinutes(10));

    for (int i = 0; i < 4; i++) {
      policy.execute(() -> "x");
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void rateLimit_partialRefill_waitsOnlyTheRemainder() {
    StandardResiliencePolicy policy = policy(1, 1);
    policy.execute(() -> "x");
    time.advance(Duration.ofMillis(300));

    policy.execute(() -> "x");

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(700));
  }

  @Test
  void rateLimit_appliesToEachRetryAttempt() {
    StandardResiliencePolicy policy = ResiliencePolicy.builder().sleeper(time).clock(time)
        .noCircuitBreaker().jitter(0).backoff(Duration.ofMillis(10), 1, Duration.ofMillis(10))
        .rateLimit(1, 1).build();
    int[] n = {0};

    policy.execute(() -> {
      if (n[0]++ == 0) {
        throw new io.connectsdk.core.TransientException("sys", "503");
      }
      return "ok";
    });

    // 10 ms backoff, then the rest of the second for the next permit.
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(10), Duration.ofMillis(990));
  }
}
