package io.connectsdk.core;

/**
 * The one unchecked root of every failure of a whole connector call. Subtypes say how to handle
 * it: {@link TransientException}, {@link RateLimitedException}, {@link AuthenticationException} and
 * {@link PermanentException}. A bad record is not an exception but a failed
 * {@link io.connectsdk.core.spi.WriteResult}.
 *
 * <p>Messages never contain credentials.
 */
public abstract class ConnectorException extends RuntimeException {
  private final String system;

  protected ConnectorException(String system, String message, Throwable cause) {
    super(message, cause);
    this.system = system == null ? "" : system;
  }

  /** How to handle this failure. */
  public abstract ErrorKind kind();

  /** True if the same call may succeed later. */
  public boolean isRetryable() {
    return kind().isRetryable();
  }

  /** The remote system the call went to, e.g. {@code "sage300"}. */
  public String system() {
    return system;
  }
}
