package io.connectsdk.core.resilience;

import io.connectsdk.core.TransientException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Limits concurrent attempts with a fair semaphore (first come, first served). Failsafe 3.3.2's
 * Bulkhead is not used because a waiter that times out leaves its queue entry behind (Failsafe issue #393), and the next
 * released permit is handed to that dead entry and lost. Waiting uses real time: it waits for other
 * threads, not for the clock. Thread-safe.
 */
final class Bulkhead {
  private final Semaphore permits;
  private final int maxConcurrency;
  private final Duration maxWait;
  private final String system;

  Bulkhead(PolicyConfig c) {
    this.maxConcurrency = c.maxConcurrency();
    this.permits = new Semaphore(maxConcurrency, true);
    this.maxWait = c.maxConcurrencyWait();
    this.system = c.system();
  }

  /**
   * Takes a slot, waiting up to the maximum wait.
   *
   * @throws BulkheadFullException if no slot became free in time
   * @throws TransientException if interrupted while waiting (the interrupt flag is restored)
   */
  void acquire() {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(Time.saturatedNanos(maxWait), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException(system, "interrupted while waiting for a concurrent call slot", e);
    }
    if (!acquired) {
      throw new BulkheadFullException(system,
          "all " + maxConcurrency + " concurrent call slots stayed busy for " + maxWait);
    }
  }

  void release() {
    permits.release();
  }
}
