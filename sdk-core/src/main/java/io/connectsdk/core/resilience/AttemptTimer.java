package io.connectsdk.core.resilience;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Bounds one attempt with Failsafe's {@link Timeout}, which interrupts the calling thread when the
 * time is up. Real time: an interrupt cannot be driven by a fake clock. Thread-safe.
 */
final class AttemptTimer {
  private final FailsafeExecutor<Object> executor;
  private final Duration timeout;
  private final String system;

  AttemptTimer(PolicyConfig c) {
    this.timeout = c.attemptTimeout();
    this.system = c.system();
    this.executor = Failsafe.with(List.of(Timeout.builder(timeout).withInterrupt().build()));
  }

  /**
   * Runs the call; runtime exceptions from it pass through unchanged.
   *
   * @throws AttemptTimeoutException if it ran longer than the timeout
   */
  <T> T run(Supplier<T> call) {
    try {
      return executor.get(call::get);
    } catch (TimeoutExceededException e) {
      throw new AttemptTimeoutException(system, "attempt exceeded its timeout of " + timeout, e);
    }
  }
}
