package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.Sleeper;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.resilience.ResiliencePolicy;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The connector's default retry until the SDK's shared policy is wired in: retries transient and
 * rate-limited failures up to {@code maxAttempts} times with exponential backoff (no jitter: the
 * connector's own concurrency is already capped), waiting at least the server's Retry-After.
 * Thread-safe.
 */
final class RetryLoop implements ResiliencePolicy {
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Sleeper sleeper;

  RetryLoop(int maxAttempts, Duration initialDelay, Duration maxDelay, Sleeper sleeper) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.initialDelay = requireNonNull(initialDelay, "initialDelay");
    this.maxDelay = requireNonNull(maxDelay, "maxDelay");
    this.sleeper = requireNonNull(sleeper, "sleeper");
  }

  static RetryLoop defaults(Sleeper sleeper) {
    return new RetryLoop(5, Duration.ofMillis(500), Duration.ofSeconds(30), sleeper);
  }

  @Override
  public <T> T execute(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ConnectorException e) {
        if (!e.isRetryable() || attempt >= maxAttempts) {
          throw e;
        }
        pause(delay(attempt, e));
      }
    }
  }

  Duration delay(int attempt, ConnectorException e) {
    long factor = 1L << Math.min(attempt - 1, 20);
    Duration backoff = initialDelay.multipliedBy(factor);
    if (backoff.compareTo(maxDelay) > 0) {
      backoff = maxDelay;
    }
    if (e instanceof RateLimitedException r && r.retryAfter().compareTo(backoff) > 0) {
      Duration wait = r.retryAfter();
      return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }
    return backoff;
  }

  private void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new TransientException(ErrorClassifier.SYSTEM, "interrupted while backing off", ie);
    }
  }
}
