package io.connectsdk.http;

import io.connectsdk.core.Sleeper;
import io.connectsdk.core.TransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * Per-HTTP-request limits: a fair semaphore for the concurrency limit, a token bucket for the rate
 * (with burst) and a pause-until set by a 429. Every request, a replay after a 401 included, passes
 * here, so a limit of 10 per second is 10 HTTP requests, not 10 connector procedures.
 *
 * <p>The bucket is written here rather than taken from Failsafe: Failsafe's RateLimiter is smooth
 * or bursty-per-period, not "rate with burst", and reads {@code System.nanoTime}, which a test
 * cannot drive. The concurrency limit is a plain fair semaphore rather than Failsafe's Bulkhead
 * because a timed-out waiter on the latter leaks a permit (Failsafe issue #393). Thread-safe.
 */
final class RequestLimiter {
  private final String system;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Semaphore slots;
  private final double perNano;
  private final double burst;
  private double tokens;
  private long refilledAt;
  private long pausedUntil = Long.MIN_VALUE;

  RequestLimiter(String system, HttpOptions options) {
    this.system = system;
    this.clock = options.clock();
    this.sleeper = options.sleeper();
    int max = options.maxConcurrentRequests();
    this.slots = max > 0 ? new Semaphore(max, true) : null;
    this.perNano = options.requestsPerSecond() / 1e9;
    this.burst = options.burst();
    this.tokens = burst;
    this.refilledAt = nanos();
  }

  /**
   * Takes a concurrency slot, then waits for the pause and a rate permit (in that order, so a
   * permit is never held while queueing for a slot and sends keep the bucket's spacing).
   */
  void acquire() {
    if (slots != null) {
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransientException(system, "interrupted waiting for a request slot", e);
      }
    }
    try {
      acquireRateOnly();
    } catch (RuntimeException e) {
      release();
      throw e;
    }
  }

  /** Waits for the pause and a rate permit only (a replay inside a call that holds a slot). */
  void acquireRateOnly() {
    for (;;) {
      long wait = reserve();
      if (wait <= 0) {
        return;
      }
      sleep(Duration.ofNanos(wait));
    }
  }

  void release() {
    if (slots != null) {
      slots.release();
    }
  }

  /** No request starts before {@code until} (a 429's Retry-After or a rate-limit reset). */
  synchronized void pauseUntil(Instant until) {
    long n = until.getEpochSecond() * 1_000_000_000L + until.getNano();
    pausedUntil = Math.max(pausedUntil, n);
  }

  /** 0 if the request may go now (and a token was taken), else nanoseconds to wait. */
  private synchronized long reserve() {
    long now = nanos();
    if (now < pausedUntil) {
      return pausedUntil - now;
    }
    if (burst == 0) {
      return 0;
    }
    tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
    refilledAt = now;
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1.0 - tokens) / perNano));
  }

  private void sleep(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException(system, "interrupted waiting for a rate-limit permit", e);
    }
  }

  private long nanos() {
    Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
