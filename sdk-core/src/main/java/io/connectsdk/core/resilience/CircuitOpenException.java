package io.connectsdk.core.resilience;

import io.connectsdk.core.TransientException;

/**
 * A call was refused without reaching the remote system because its circuit breaker is open. It is
 * transient: the breaker lets trial calls through again after its open delay.
 */
public class CircuitOpenException extends TransientException {
  public CircuitOpenException(String system, String message, Throwable cause) {
    super(system, message, cause);
  }
}
