package io.connectsdk.core.sync;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * The next window, read (and mapped) on the user's executor while the job's thread writes the
 * current one. A window nobody has started when it is needed is read by the waiting thread
 * ({@link FutureTask#run()} runs a task once, whoever calls it first), so a busy, one-thread or
 * rejecting executor means no overlap, never a deadlock. A failing run {@link #abandon}s it: a task
 * not started never runs, a running one is waited for, so nothing of the run goes on after it.
 */
final class ReadAhead {
  private final FutureTask<Window> task;
  private final CountDownLatch finished = new CountDownLatch(1);
  private boolean running;
  private boolean abandoned;

  private ReadAhead(Callable<Window> body, Map<String, String> mdc) {
    this.task = new FutureTask<>(() -> {
      synchronized (this) {
        if (abandoned) {
          return null;
        }
        running = true;
      }
      try {
        Window[] result = new Window[1];
        Exception[] failure = new Exception[1];
        MdcScope.runWith(mdc, () -> {
          try {
            result[0] = body.call();
          } catch (Exception e) {
            failure[0] = e;
          }
        });
        if (failure[0] != null) {
          throw failure[0];
        }
        return result[0];
      } finally {
        finished.countDown();
      }
    });
  }

  static ReadAhead start(Executor executor, Map<String, String> mdc, Callable<Window> body) {
    ReadAhead ahead = new ReadAhead(body, mdc);
    try {
      executor.execute(ahead.task);
    } catch (RejectedExecutionException e) {
      // no helper: the job's thread reads the window itself when it gets there
    }
    return ahead;
  }

  /** The window, read by this thread if no other has started it; rethrows what reading threw. */
  Window await() {
    task.run();
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.connectsdk.core.TransientException("sync", "interrupted waiting for a page", e);
    } catch (ExecutionException e) {
      throw Sneaky.rethrow(e.getCause());
    }
  }

  /** Makes sure the task never starts, or waits until it has finished. */
  void abandon() {
    boolean wasRunning;
    synchronized (this) {
      abandoned = true;
      wasRunning = running;
    }
    task.cancel(false);
    if (wasRunning) {
      try {
        finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
