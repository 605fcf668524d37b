package io.connectsdk.simulators.base;

import java.time.Duration;

/** Waits out injected latency; tests inject one that blocks on a latch or just records. */
@FunctionalInterface
public interface Sleeper {
  /** The default: {@link Thread#sleep}. */
  Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
