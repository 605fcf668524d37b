package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import okhttp3.Headers;

/** Parses {@code Retry-After} (delta seconds or an HTTP date) against an injected clock. */
public final class RetryAfter {
  private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

  private RetryAfter() {}

  /**
   * The wait a {@code Retry-After} value asks for: seconds, or the time until an HTTP date on
   * {@code clock}; zero if absent, malformed or in the past; at most one day (a larger value is
   * taken as one day, which any retry policy will refuse to wait for).
   */
  public static Duration parse(String header, Clock clock) {
    requireNonNull(clock, "clock");
    if (header == null || header.isBlank()) {
      return Duration.ZERO;
    }
    String v = header.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      if (v.length() > 12) {
        return Duration.ofSeconds(MAX_SECONDS);
      }
      return Duration.ofSeconds(Math.min(Long.parseLong(v), MAX_SECONDS));
    }
    Date date = Headers.of("Retry-After", v).getDate("Retry-After");
    if (date == null) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(clock.instant(), date.toInstant());
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.getSeconds() > MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : d;
  }
}
