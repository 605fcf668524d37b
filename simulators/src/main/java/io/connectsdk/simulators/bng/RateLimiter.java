package io.connectsdk.simulators.bng;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket per tenant (OAuth client id) on the simulator's clock, and the
 * {@code X-RateLimit-*} headers. Thread-safe; {@link #configure} refills every bucket.
 */
final class RateLimiter {
  private final Clock clock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();
  private volatile double perSecond;
  private volatile int burst;

  RateLimiter(Clock clock, double perSecond, int burst) {
    this.clock = clock;
    configure(perSecond, burst);
  }

  void configure(double perSecond, int burst) {
    if (!(perSecond > 0) || burst < 1) {
      throw new IllegalArgumentException(
          "rate limit needs perSecond > 0 and burst >= 1: " + perSecond + ", " + burst);
    }
    this.perSecond = perSecond;
    this.burst = burst;
    buckets.clear();
  }

  TokenBucket.Decision acquire(String tenant) {
    TokenBucket.Decision d = bucket(tenant).acquire(clock.instant());
    if (!d.admitted()) {
      refused.incrementAndGet();
    }
    return d;
  }

  TokenBucket.Decision peek(String tenant) {
    return bucket(tenant).peek(clock.instant());
  }

  long refused() {
    return refused.get();
  }

  void resetCounters() {
    refused.set(0);
  }

  static Map<String, String> headers(TokenBucket.Decision d) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-RateLimit-Limit", Integer.toString(d.limit()));
    h.put("X-RateLimit-Remaining", Long.toString(d.remaining()));
    h.put("X-RateLimit-Reset", Long.toString(d.resetEpochSecond()));
    if (!d.admitted()) {
      h.put("Retry-After", Long.toString(d.retryAfterSeconds()));
    }
    return h;
  }

  private TokenBucket bucket(String tenant) {
    return buckets.computeIfAbsent(tenant, t -> new TokenBucket(perSecond, burst, clock.instant()));
  }
}
