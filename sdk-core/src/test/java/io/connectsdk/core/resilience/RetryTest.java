package io.connectsdk.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RetryTest {
  private final FakeTime time = new FakeTime();
  private final AtomicInteger calls = new AtomicInteger();

  private ResiliencePolicyBuilder builder() {
    return ResiliencePolicy.builder().system("test").sleeper(time).clock(time).jitter(0)
        .noCircuitBreaker().backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10));
  }

  /** Fails with {@code failure} the first {@code failures} times, then returns "ok". */
  private Supplier<String> failing(int failures, RuntimeException failure) {
    return () -> {
      if (calls.incrementAndGet() <= failures) {
        throw failure;
      }
      return "ok";
    };
  }

  @Test
  void retry_transient_retriesUpToMaxAttempts() {
    StandardResiliencePolicy policy = builder().maxAttempts(5).build();
    TransientException boom = new TransientException("test", "503");

    assertThatThrownBy(() -> policy.execute(failing(100, boom))).isSameAs(boom);

    assertThat(calls).hasValue(5);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(400), Duration.ofMillis(800));
    assertThat(policy.stats()).isEqualTo(new ResilienceStats(1, 5, 4, 0, 1, 0, 0, 0, 0));
  }

  @Test
  void retry_transientThenSuccess_returnsValue() {
    StandardResiliencePolicy policy = builder().build();

    assertThat(policy.execute(failing(2, new TransientException("test", "503")))).isEqualTo("ok");

    assertThat(calls).hasValue(3);
    assertThat(policy.stats().successes()).isEqualTo(1);
    assertThat(policy.stats().retries()).isEqualTo(2);
  }

  @Test
  void retry_backoff_cappedAtMaxDelay() {
    StandardResiliencePolicy policy =
        builder().maxAttempts(5).backoff(Duration.ofSeconds(1), 3.0, Duration.ofSeconds(5)).build();

    assertThatThrownBy(() -> policy.execute(failing(100, new TransientException("test", "x"))))
        .isInstanceOf(TransientException.class);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3),
        Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void retry_rateLimited_waitsRetryAfter() {
    StandardResiliencePolicy policy = builder().build();

    String result = policy.execute(
        failing(1, new RateLimitedException("test", "429", Duration.ofSeconds(3))));

    assertThat(result).isEqualTo("ok");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retry_rateLimitedShorterThanBackoff_waitsBackoff() {
    StandardResiliencePolicy policy = builder().build();

    policy.execute(failing(1, new RateLimitedException("test", "429", Duration.ofMillis(10))));

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
  }

  // Changed with issue 9: this test used to expect a retry after the 10 s max delay (an early
  // retry the remote had asked us not to make). A Retry-After beyond what the policy may wait now
  // ends the call with the RateLimitedException, so the caller can honour the full wait.
  @Test
  void retry_rateLimitedBeyondMaxDelay_givesUpWithTheRateLimitedException() {
    StandardResiliencePolicy policy = builder().build();
    RateLimitedException slowDown = new RateLimitedException("test", "429", Duration.ofMinutes(5));

    assertThatThrownBy(() -> policy.execute(failing(1, slowDown))).isSameAs(slowDown);

    assertThat(calls).hasValue(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void retry_rateLimitedBeyondRemainingMaxDuration_givesUp() {
    StandardResiliencePolicy policy = builder().maxDuration(Duration.ofSeconds(5)).build();
    RateLimitedException slowDown = new RateLimitedException("test", "429", Duration.ofSeconds(8));

    assertThatThrownBy(() -> policy.execute(failing(1, slowDown))).isSameAs(slowDown);

    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void retry_permanent_notRetried() {
    StandardResiliencePolicy policy = builder().build();
    PermanentException bad = new PermanentException("test", "400");

    assertThatThrownBy(() -> policy.execute(failing(1, bad))).isSameAs(bad);

    assertThat(calls).hasValue(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void retry_authentication_notRetried() {
    StandardResiliencePolicy policy = builder().build();
    AuthenticationException denied = new AuthenticationException("test", "401");

    assertThatThrownBy(() -> policy.execute(failing(1, denied))).isSameAs(denied);

    assertThat(calls).hasValue(1);
    assertThat(policy.stats().failures()).isEqualTo(1);
  }

  @Test
  void retry_nonConnectorException_notRetried() {
    StandardResiliencePolicy policy = builder().build();
    IllegalStateException bug = new IllegalStateException("bug");

    assertThatThrownBy(() -> policy.execute(failing(1, bug))).isSameAs(bug);

    assertThat(calls).hasValue(1);
  }

  @Test
  void retry_maxDuration_stopsBeforeBudgetExceeded() {
    // Each attempt takes 1 s; waits 100, 200, 400 ms... A budget of 3.5 s allows 1 s + 0.1 + 1 s +
    // 0.2 + 1 s = 3.3 s; the next wait (0.4 s) would end at 3.7 s, past the budget.
    StandardResiliencePolicy policy = builder().maxAttempts(10).maxDuration(Duration.ofMillis(3500))
        .build();
    Supplier<String> slowFailure = () -> {
      calls.incrementAndGet();
      time.advance(Duration.ofSeconds(1));
      throw new TransientException("test", "timeout");
    };

    assertThatThrownBy(() -> policy.execute(slowFailure)).isInstanceOf(TransientException.class);

    assertThat(calls).hasValue(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void retry_jitter_deterministicWithSeededRandomAndWithinBounds() {
    List<Duration> first = sleepsWithJitter(new Random(42));
    List<Duration> second = sleepsWithJitter(new Random(42));

    assertThat(first).hasSize(4).isEqualTo(second);
    long[] unjittered = {100, 200, 400, 800};
    for (int i = 0; i < 4; i++) {
      assertThat(first.get(i).toNanos()).isBetween(unjittered[i] * 500_000L,
          unjittered[i] * 1_500_000L);
    }
    assertThat(first).isNotEqualTo(List.of(Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(400), Duration.ofMillis(800)));
  }

  private List<Duration> sleepsWithJitter(Random random) {
    FakeTime t = new FakeTime();
    StandardResiliencePolicy policy = ResiliencePolicy.builder().sleeper(t).clock(t).jitter(0.5)
        .random(random).noCircuitBreaker()
        .backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10)).build();
    try {
      policy.execute(() -> {
        throw new TransientException("test", "x");
      });
    } catch (TransientException expected) {
      // all five attempts failed
    }
    return new ArrayList<>(t.sleeps());
  }

  @Test
  void retry_listener_toldOfEachRetry() {
    List<String> seen = new ArrayList<>();
    StandardResiliencePolicy policy = builder().listener(new ResilienceListener() {
      @Override
      public void onRetry(int attempt, io.connectsdk.core.ConnectorException f, Duration delay) {
        seen.add(attempt + ":" + f.getMessage() + ":" + delay.toMillis());
      }
    }).build();

    policy.execute(failing(2, new TransientException("test", "503")));

    assertThat(seen).containsExactly("1:503:100", "2:503:200");
  }

  @Test
  void retry_interruptedDuringBackoff_throwsLastFailureAndKeepsFlag() {
    StandardResiliencePolicy policy = builder().sleeper(d -> {
      throw new InterruptedException();
    }).build();
    TransientException boom = new TransientException("test", "503");

    try {
      assertThatThrownBy(() -> policy.execute(failing(5, boom))).isSameAs(boom);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(calls).hasValue(1);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void toBuilder_copiesSettingsWithFreshState() {
    StandardResiliencePolicy policy = builder().maxAttempts(2).build();
    policy.execute(failing(1, new TransientException("test", "503")));

    StandardResiliencePolicy copy = policy.toBuilder().build();
    calls.set(0);
    assertThatThrownBy(() -> copy.execute(failing(5, new TransientException("test", "503"))))
        .isInstanceOf(TransientException.class);

    assertThat(calls).hasValue(2);
    assertThat(copy.stats().calls()).isEqualTo(1);
  }

  @Test
  void builder_badValues_rejected() {
    ResiliencePolicyBuilder b = ResiliencePolicy.builder();
    assertThatThrownBy(() -> b.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.circuitBreaker(3, 2, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.rateLimit(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxConcurrency(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxDuration(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.sleeper(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void builder_reusedAfterBuild_doesNotChangeBuiltPolicy() {
    ResiliencePolicyBuilder b = builder().maxAttempts(2);
    StandardResiliencePolicy policy = b.build();
    b.maxAttempts(7);

    assertThatThrownBy(() -> policy.execute(failing(9, new TransientException("test", "x"))))
        .isInstanceOf(TransientException.class);
    assertThat(calls).hasValue(2);
  }
}
