package io.connectsdk.core;

/** A failure that may go away by itself: a 5xx, an I/O error, a busy or locked server. */
public class TransientException extends ConnectorException {
  public TransientException(String system, String message) {
    this(system, message, null);
  }

  public TransientException(String system, String message, Throwable cause) {
    super(system, message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.TRANSIENT;
  }
}
