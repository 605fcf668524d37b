package io.connectsdk.core.resilience;

import io.connectsdk.core.TransientException;

/**
 * A call was refused without reaching the remote system because the maximum number of concurrent
 * calls was in use for longer than the bulkhead's maximum wait.
 */
public class BulkheadFullException extends TransientException {
  public BulkheadFullException(String system, String message) {
    super(system, message);
  }
}
