package io.connectsdk.core.resilience;

import java.time.Duration;
import java.util.Random;

/** Exponential backoff with proportional jitter, raised to Retry-After and capped. Thread-safe. */
final class Backoff {
  private final double baseNanos;
  private final double factor;
  private final long maxNanos;
  private final double jitter;
  private final Random random;

  Backoff(PolicyConfig c) {
    this.baseNanos = Time.saturatedNanos(c.baseDelay());
    this.factor = c.backoffFactor();
    this.maxNanos = Time.saturatedNanos(c.maxDelay());
    this.jitter = c.jitter();
    this.random = c.random();
  }

  /**
   * The wait after failed attempt {@code attempt} (1-based): {@code base * factor^(attempt-1)},
   * jittered by up to ± the jitter fraction, then at least {@code retryAfter}, at most the maximum.
   */
  Duration delay(int attempt, Duration retryAfter) {
    double nanos = Math.min(baseNanos * Math.pow(factor, attempt - 1), maxNanos);
    if (jitter > 0.0) {
      // Only draw when jittering, so a policy without jitter never touches the shared Random.
      nanos *= 1.0 + jitter * (2.0 * random.nextDouble() - 1.0);
    }
    long delay = (long) Math.min(nanos, maxNanos);
    delay = Math.max(delay, Time.saturatedNanos(retryAfter));
    return Duration.ofNanos(Math.min(delay, maxNanos));
  }
}
