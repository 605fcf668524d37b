package io.connectsdk.core.sync;

/** Rethrows any throwable as is, checked or not, so a failure on another thread surfaces unchanged. */
final class Sneaky {
  private Sneaky() {}

  static RuntimeException rethrow(Throwable t) {
    throw Sneaky.<RuntimeException>cast(t);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T cast(Throwable t) throws T {
    throw (T) t;
  }
}
