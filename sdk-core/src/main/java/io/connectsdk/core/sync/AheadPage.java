package io.connectsdk.core.sync;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * The next page, read and mapped on an executor while the job's thread handles the current one
 * (see {@code SyncJob.Builder.readAhead}). The task publishes the chunked mapping work it starts,
 * so the job's thread, once done with its page, helps with the chunks left instead of idling.
 *
 * @param <T> what the task produces
 */
final class AheadPage<T> {
  private T result;
  private Throwable failure;
  private boolean done;
  private ChunkedWork work;

  private AheadPage() {}

  /**
   * Starts {@code task} on {@code executor} under the MDC {@code mdc}; the task is given a
   * consumer to publish its chunked work with.
   */
  static <T> AheadPage<T> start(Executor executor, Map<String, String> mdc,
      Function<Consumer<ChunkedWork>, T> task) {
    AheadPage<T> page = new AheadPage<>();
    executor.execute(() -> page.run(task, mdc));
    return page;
  }

  private void run(Function<Consumer<ChunkedWork>, T> task, Map<String, String> mdc) {
    Map<String, String> previous = MDC.getCopyOfContextMap();
    Preparer.setMdc(mdc);
    try {
      complete(task.apply(this::publish), null);
    } catch (Throwable t) {
      complete(null, t);
    } finally {
      Preparer.setMdc(previous);
    }
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
    boolean interrupted = false;
    while (true) {
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
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    return result;
  }

  /** Waits for the task to end and ignores its outcome (the run stops anyway). */
  void awaitQuietly() {
    try {
      await();
    } catch (RuntimeException | Error ignored) {
      // the caller is already failing with its own exception
    }
  }
}
