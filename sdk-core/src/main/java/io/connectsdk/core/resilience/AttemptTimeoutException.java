package io.connectsdk.core.resilience;

import io.connectsdk.core.TransientException;

/** One attempt of a call ran longer than the policy's attempt timeout and was interrupted. */
public class AttemptTimeoutException extends TransientException {
  public AttemptTimeoutException(String system, String message, Throwable cause) {
    super(system, message, cause);
  }
}
