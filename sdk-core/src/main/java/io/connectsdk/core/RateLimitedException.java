package io.connectsdk.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** The remote asked us to slow down (HTTP 429, TooManyRequests, REQUEST_LIMIT_EXCEEDED). */
public class RateLimitedException extends TransientException {
  private final Duration retryAfter;

  /**
   * @param retryAfter how long the remote asked us to wait; {@link Duration#ZERO} if it did not say
   */
  public RateLimitedException(String system, String message, Duration retryAfter) {
    super(system, message);
    this.retryAfter = requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter < 0: " + retryAfter);
    }
  }

  /** The wait the remote asked for; zero if unknown. */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.RATE_LIMITED;
  }
}
