package io.connectsdk.core;

/** A call that will fail again if repeated unchanged: bad request, unknown resource, conflict. */
public class PermanentException extends ConnectorException {
  public PermanentException(String system, String message) {
    this(system, message, null);
  }

  public PermanentException(String system, String message, Throwable cause) {
    super(system, message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.PERMANENT;
  }
}
