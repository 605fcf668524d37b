package io.connectsdk.testkit.junit5;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/** Runs one task on N threads released together, and rethrows what any of them threw. */
final class Concurrently {
  /** A guard against a deadlocked store, not a measurement: a healthy run takes milliseconds. */
  private static final long GUARD_SECONDS = 60;

  private Concurrently() {}

  /** Runs {@code task.accept(thread)} for thread 0..threads-1, all started at once. */
  static void run(int threads, IntConsumer task) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          task.accept(thread);
          return null;
        }));
      }
      ready.await();
      go.countDown();
      for (Future<?> future : futures) {
        future.get(GUARD_SECONDS, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      fail("a store call threw " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      fail("a store is thread-safe: concurrent calls did not finish (deadlock?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
