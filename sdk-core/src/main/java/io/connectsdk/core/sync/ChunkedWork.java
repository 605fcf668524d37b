package io.connectsdk.core.sync;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * A fixed number of chunks of work that any thread may claim. The owner and the helpers it starts
 * claim chunks until none is left, so the work spreads over whichever threads are free, and the
 * owner never waits for a helper that an executor has not started yet (a busy or single-threaded
 * executor just means the owner does more of the chunks itself). After a chunk fails, the chunks
 * not yet started are skipped and the first failure is rethrown by {@link #finish()}.
 */
final class ChunkedWork {
  private final int chunks;
  private final IntConsumer body;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger unfinished;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /** {@code body} is called once with each chunk index in {@code [0, chunks)}, on any thread. */
  ChunkedWork(int chunks, IntConsumer body) {
    if (chunks < 0) {
      throw new IllegalArgumentException("chunks < 0: " + chunks);
    }
    this.chunks = chunks;
    this.body = body;
    this.unfinished = new AtomicInteger(chunks);
  }

  /** True while some chunk is not yet claimed. */
  boolean hasUnclaimed() {
    return next.get() < chunks;
  }

  /** Claims and runs chunks until none is left unclaimed; never throws a chunk's failure. */
  void help() {
    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
      try {
        if (failure.get() == null) {
          body.accept(c);
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        if (unfinished.decrementAndGet() == 0) {
          synchronized (this) {
            notifyAll();
          }
        }
      }
    }
  }

  /**
   * Helps until every chunk is claimed, waits until every claimed chunk has finished, then
   * rethrows the first failure, if any. An interrupt does not cut the wait short (the results
   * would be incomplete); it is kept for the caller.
   */
  void finish() {
    help();
    Spin.until(() -> unfinished.get() == 0);
    boolean interrupted = false;
    synchronized (this) {
      while (unfinished.get() > 0) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t != null) {
      throw ChunkedWork.<RuntimeException>rethrow(t);
    }
  }

  /**
   * Throws {@code t} unchanged on the calling thread, even a checked exception thrown sneakily by
   * user code on a helper: the caller sees the same exception as when the work runs on its thread.
   */
  @SuppressWarnings("unchecked")
  static <E extends Throwable> RuntimeException rethrow(Throwable t) throws E {
    throw (E) t;
  }
}
