package io.connectsdk.core;

import java.time.Duration;

/**
 * Waits. Injected wherever the SDK backs off, so tests can use a fake clock that advances instead of
 * sleeping ({@code FakeClock} in sdk-testkit implements this).
 */
@FunctionalInterface
public interface Sleeper {
  /** Waits for {@code duration}; returns at once for zero or negative durations. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real thing: {@link Thread#sleep}. */
  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      }
    };
  }
}
