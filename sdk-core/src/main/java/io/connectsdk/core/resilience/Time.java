package io.connectsdk.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Clock arithmetic in nanoseconds, saturating instead of overflowing. */
final class Time {
  private Time() {}

  /** Nanoseconds since the epoch on {@code clock}; fits a long until the year 2262. */
  static long nanos(Clock clock) {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** {@code d} in nanoseconds, or {@link Long#MAX_VALUE} if it does not fit. */
  static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
