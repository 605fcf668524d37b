package io.connectsdk.bng;

import io.connectsdk.core.Sleeper;
import io.connectsdk.core.TransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;

/**
 * Reads BNG's {@code X-RateLimit-Limit/Remaining/Reset} on every response and pauses the next
 * request before the server's bucket is empty. sdk-http's own token bucket paces at the tenant's
 * rate; this catches what that bucket cannot see (another client spending the same tenant quota,
 * a server clock ahead of ours). When fewer than {@code reserve} requests remain, the next request
 * waits for the missing tokens, estimated as the time to the reset divided by the tokens missing.
 * Thread-safe.
 */
final class ServerQuota {
  private final String system;
  private final Clock clock;
  private final Sleeper sleeper;
  private final int reserve;
  private Instant notBefore = Instant.MIN;
  private long pauses;

  ServerQuota(String system, Clock clock, Sleeper sleeper, int reserve) {
    this.system = system;
    this.clock = clock;
    this.sleeper = sleeper;
    this.reserve = reserve;
  }

  /** Waits until the pause set by the last low {@code Remaining}, if any, has passed. */
  void awaitTurn() {
    Duration wait;
    synchronized (this) {
      wait = Duration.between(clock.instant(), notBefore);
    }
    if (wait.isNegative() || wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException(system, "interrupted waiting for the BNG rate limit", e);
    }
  }

  /** Reads the rate-limit headers of one response; absent or garbled headers change nothing. */
  void observe(Headers headers) {
    long limit = number(headers.get("X-RateLimit-Limit"));
    long remaining = number(headers.get("X-RateLimit-Remaining"));
    long reset = number(headers.get("X-RateLimit-Reset"));
    if (limit <= 0 || remaining < 0 || reset <= 0 || remaining >= reserve) {
      return;
    }
    Instant now = clock.instant();
    Duration toReset = Duration.between(now, Instant.ofEpochSecond(reset));
    if (toReset.isNegative() || toReset.isZero() || toReset.compareTo(Duration.ofHours(1)) > 0) {
      return;
    }
    long missing = Math.max(1, limit - remaining);
    Duration wait = toReset.multipliedBy(reserve - remaining).dividedBy(missing);
    synchronized (this) {
      Instant until = now.plus(wait);
      if (until.isAfter(notBefore)) {
        notBefore = until;
        pauses++;
      }
    }
  }

  /** How often a low {@code Remaining} set a pause. */
  synchronized long pauses() {
    return pauses;
  }

  private static long number(String text) {
    if (text == null) {
      return -1;
    }
    String t = text.trim();
    if (t.isEmpty() || t.length() > 12 || !t.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(t);
  }
}
