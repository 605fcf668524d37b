package io.connectsdk.core.resilience;

/** Ends a call whose backoff wait was interrupted; never leaves the policy. */
final class Interrupted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Interrupted() {
    super("interrupted", null, false, false);
  }
}
