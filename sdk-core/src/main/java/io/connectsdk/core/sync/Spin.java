package io.connectsdk.core.sync;

import java.util.function.BooleanSupplier;

/**
 * A short busy wait before blocking. The engine's threads hand pages and chunks to each other
 * every few hundred microseconds; parking and waking a thread costs system calls and a context
 * switch each time (tens of microseconds on a virtual machine), more than waiting out the last
 * chunk of another thread's work.
 */
final class Spin {
  /** About 20-50 microseconds of {@link Thread#onSpinWait()} on current x86 machines. */
  static final int LIMIT = 1_000;

  private Spin() {}

  /** Spins until {@code condition} holds or the limit is reached; true if it holds. */
  static boolean until(BooleanSupplier condition) {
    for (int i = 0; i < LIMIT; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.onSpinWait();
    }
    return condition.getAsBoolean();
  }
}
