package io.connectsdk.core;

/**
 * How a failure should be handled. The retry loop reads this (or the exception type), never a
 * message.
 */
public enum ErrorKind {
  /** Worth retrying after a backoff: 5xx, I/O errors, lock contention, a busy server. */
  TRANSIENT(true),
  /** The remote asked us to slow down; retry after the advertised wait. */
  RATE_LIMITED(true),
  /** Credentials are wrong, expired or lack a right; retrying will not help until fixed. */
  AUTHENTICATION(false),
  /** The request or record is invalid, or conflicts; retrying the same thing will fail again. */
  PERMANENT(false);

  private final boolean retryable;

  ErrorKind(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean isRetryable() {
    return retryable;
  }
}
