package io.connectsdk.core.resilience;

import java.time.Clock;

/**
 * A token bucket in its "generic cell rate" form, in integer nanoseconds on an injected clock:
 * {@code burst} permits are available at once and one more every {@code 1/permitsPerSecond}.
 * Callers reserve a permit and are told how long to wait for it, so waiters are served in order of
 * arrival and no lock is held while waiting. Thread-safe. Kept instead of Failsafe's RateLimiter:
 * that one is smooth or bursty per period, not "rate with burst", and reads {@code System.nanoTime}.
 */
final class TokenBucket {
  private final Clock clock;
  private final long intervalNanos;
  private final long toleranceNanos;
  /** When the next permit would be due if the bucket were empty ("theoretical arrival time"). */
  private long due;

  TokenBucket(PolicyConfig c) {
    this.clock = c.clock();
    this.intervalNanos = Math.max(1L, Math.round(1_000_000_000.0 / c.permitsPerSecond()));
    this.toleranceNanos = (c.burst() - 1) * intervalNanos;
    this.due = Time.nanos(clock);
  }

  /** Reserves one permit; returns how many nanoseconds to wait before using it (0: now). */
  synchronized long reserve() {
    long now = Time.nanos(clock);
    long allowedAt = Math.max(now, due - toleranceNanos);
    due = Math.max(due, allowedAt) + intervalNanos;
    return allowedAt - now;
  }
}
