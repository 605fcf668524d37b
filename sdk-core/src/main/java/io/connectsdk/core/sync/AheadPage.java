package io.connectsdk.core.sync;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The next page, read and mapped on an executor while the job's thread handles the current one
 * (see {@code SyncJob.Builder.readAhead}). The task publishes the chunked mapping work it starts,
 * so the job's thread, once done with its page, helps with the chunks left instead of idling.
 *
 * @param <T> what the task produces
 */
final class AheadPage<T> {
  private final Function<Consumer<ChunkedWork>, T> task;
  private final Map<String, String> mdc;
  /** Set by whichever thread runs the task: the executor's, or the waiting one if it comes first. */
  private final AtomicBoolean claimed = new AtomicBoolean();
  private T result;
  private Throwable failure;
  private volatile boolean done;
  private volatile ChunkedWork work;

  private AheadPage(Function<Consumer<ChunkedWork>, T> task, Map<String, String> mdc) {
    this.task = task;
    this.mdc = mdc;
  }

  /**
   * Starts {@code task} on {@code executor} under the MDC {@code mdc}; the task is given a
   * consumer to publish its chunked work with. If the executor has not started it by the time
   * {@link #await()} is called (no free thread, or the job itself runs on that executor's only
   * thread), the waiting thread runs it instead: never a deadlock, just no overlap. An executor
   * that rejects the task (shut down or saturated) is treated the same way.
   */
  static <T> AheadPage<T> start(Executor executor, Map<String, String> mdc,
      Function<Consumer<ChunkedWork>, T> task) {
    AheadPage<T> page = new AheadPage<>(task, mdc);
    try {
      executor.execute(page::runIfUnclaimed);
    } catch (RejectedExecutionException e) {
      // no free thread: await() runs the task on the waiting thread
    }
    return page;
  }

  private void runIfUnclaimed() {
    if (claimed.compareAndSet(false, true)) {
      run();
    }
  }

  private void run() {
    MdcScope.runWith(mdc, () -> {
      try {
        complete(task.apply(this::publish), null);
      } catch (Throwable t) {
        complete(null, t);
      }
    });
  }

  private synchronized void publish(ChunkedWork chunks) {
    work = chunks;
    notifyAll();
  }

  private synchronized void complete(T value, Throwable t) {
    result = value;
    failure = t;
    done = true;
    work = null;
    notifyAll();
  }

  /**
   * Helps with the task's published work until the task is done, then returns its result or
   * rethrows its failure. An interrupt does not cut the wait short; it is kept for the caller.
   */
  T await() {
    runIfUnclaimed();
    boolean interrupted = false;
    while (true) {
      Spin.until(this::readyOrHelpWanted);
      ChunkedWork chunks;
      synchronized (this) {
        while (!done && (work == null || !work.hasUnclaimed())) {
          try {
            wait();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (done) {
          break;
        }
        chunks = work;
      }
      chunks.help();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw ChunkedWork.<RuntimeException>rethrow(failure);
    }
    return result;
  }

  /** True once the task is done or has chunks nobody has claimed (lock-free: for spinning). */
  private boolean readyOrHelpWanted() {
    ChunkedWork chunks = work; // read once: the task clears it when it completes
    return done || chunks != null && chunks.hasUnclaimed();
  }

  /**
   * Drops the task (the run is failing): if no thread has started it, it never runs; if one has,
   * waits for it to end and ignores its outcome, so no work of the run goes on afterwards.
   */
  void cancel() {
    if (claimed.compareAndSet(false, true)) {
      complete(null, null);
      return;
    }
    try {
      await();
    } catch (Throwable ignored) {
      // the caller is already failing with its own exception
    }
  }
}
