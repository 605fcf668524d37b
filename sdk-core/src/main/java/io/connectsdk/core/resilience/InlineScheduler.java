package io.connectsdk.core.resilience;

import io.connectsdk.core.Sleeper;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Failsafe's {@link dev.failsafe.spi.Scheduler} that runs every attempt on the calling thread after
 * waiting through the SDK's {@link Sleeper}: Failsafe's synchronous API waits with {@code
 * Thread.sleep}, its asynchronous one routes every wait through a scheduler, so this one makes the
 * async API synchronous and its waits injectable (a fake clock in tests). An interrupted wait
 * marks the call interrupted and still runs the attempt, which then ends the call at once.
 */
final class InlineScheduler implements dev.failsafe.spi.Scheduler {
  private final Sleeper sleeper;
  private final CallState state;

  InlineScheduler(Sleeper sleeper, CallState state) {
    this.sleeper = sleeper;
    this.state = state;
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    if (delay > 0 && !state.interrupted) {
      try {
        sleeper.sleep(Duration.ofNanos(unit.toNanos(delay)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        state.interrupted = true;
        state.interruption = e;
      }
    }
    Object result;
    try {
      result = callable.call();
    } catch (Exception e) {
      result = e;
    }
    return new Done(result);
  }

  /** An already finished future; Failsafe only keeps it to cancel it. */
  private record Done(Object value) implements ScheduledFuture<Object> {
    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(0, o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public boolean isDone() {
      return true;
    }

    @Override
    public Object get() {
      return value;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return value;
    }
  }
}
