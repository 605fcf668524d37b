package io.connectsdk.core;

/**
 * Credentials were refused, have expired, or lack a right. The message says what to fix (e.g. which
 * security right is missing) and never contains the credential.
 */
public class AuthenticationException extends ConnectorException {
  public AuthenticationException(String system, String message) {
    this(system, message, null);
  }

  public AuthenticationException(String system, String message, Throwable cause) {
    super(system, message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.AUTHENTICATION;
  }
}
