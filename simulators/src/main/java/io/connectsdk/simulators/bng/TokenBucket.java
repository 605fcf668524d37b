package io.connectsdk.simulators.bng;

import java.time.Instant;

/**
 * One tenant's token bucket: {@code perSecond} tokens added continuously up to {@code burst};
 * a request takes one. Time comes from the caller (the simulator's clock), so a frozen clock
 * makes the admitted count exact. Thread-safe.
 */
final class TokenBucket {
  /**
   * The outcome of one request.
   *
   * @param admitted whether the request may proceed
   * @param limit the burst size
   * @param remaining whole tokens left after this request
   * @param resetEpochSecond when the bucket is full again (epoch seconds, rounded up)
   * @param retryAfterSeconds for a refused request, seconds until a token is free (at least 1)
   */
  record Decision(boolean admitted, int limit, long remaining, long resetEpochSecond,
      long retryAfterSeconds) {}

  private final double perSecond;
  private final int burst;
  private double tokens;
  private Instant last;

  TokenBucket(double perSecond, int burst, Instant now) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.last = now;
  }

  synchronized Decision acquire(Instant now) {
    refill(now);
    boolean admitted = tokens >= 1;
    if (admitted) {
      tokens -= 1;
    }
    long retryAfter = admitted ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    return decision(now, admitted, retryAfter);
  }

  /** The headers' view without taking a token. */
  synchronized Decision peek(Instant now) {
    refill(now);
    return decision(now, true, 0);
  }

  private Decision decision(Instant now, boolean admitted, long retryAfter) {
    double toFullNanos = (burst - tokens) / perSecond * 1e9;
    Instant full = now.plusNanos((long) Math.ceil(toFullNanos));
    long reset = full.getEpochSecond() + (full.getNano() > 0 ? 1 : 0);
    return new Decision(admitted, burst, (long) Math.floor(tokens), reset, retryAfter);
  }

  private void refill(Instant now) {
    if (now.isAfter(last)) {
      double seconds = (now.getEpochSecond() - last.getEpochSecond())
          + (now.getNano() - last.getNano()) / 1e9;
      tokens = Math.min(burst, tokens + seconds * perSecond);
      last = now;
    }
  }
}
