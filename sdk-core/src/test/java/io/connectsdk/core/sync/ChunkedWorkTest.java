package io.connectsdk.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunkedWorkTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  @Test
  void finish_helpersOnPool_everyChunkRunsExactlyOnce() {
    AtomicIntegerArray runs = new AtomicIntegerArray(200);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch secondThread = new CountDownLatch(1);
    ChunkedWork work = new ChunkedWork(200, c -> {
      runs.incrementAndGet(c);
      threads.add(Thread.currentThread().getName());
      if (threads.size() > 1) {
        secondThread.countDown();
      }
      if (c == 0) {
        await(secondThread); // whoever took chunk 0 holds it until another thread takes one
      }
    });
    for (int i = 0; i < 3; i++) {
      pool.execute(work::help);
    }

    work.finish();

    for (int c = 0; c < 200; c++) {
      assertThat(runs.get(c)).as("chunk %d", c).isEqualTo(1);
    }
    assertThat(threads).hasSizeGreaterThan(1);
    assertThat(work.hasUnclaimed()).isFalse();
  }

  @Test
  void finish_executorNeverStartsHelpers_ownerRunsEveryChunk() {
    AtomicInteger runs = new AtomicInteger();
    ChunkedWork work = new ChunkedWork(10, c -> runs.incrementAndGet());
    Runnable neverStarted = work::help; // e.g. queued behind the owner on a one-thread executor

    work.finish();

    assertThat(runs).hasValue(10);
    neverStarted.run(); // a helper that starts late finds nothing left and returns
    assertThat(runs).hasValue(10);
  }

  @Test
  void finish_chunkFails_rethrowsFirstFailureAndSkipsChunksNotStarted() {
    AtomicInteger runs = new AtomicInteger();
    ChunkedWork work = new ChunkedWork(10, c -> {
      runs.incrementAndGet();
      if (c == 2) {
        throw new IllegalStateException("chunk 2 broke");
      }
    });

    assertThatThrownBy(work::finish).isInstanceOf(IllegalStateException.class)
        .hasMessage("chunk 2 broke");
    assertThat(runs).hasValue(3);
  }

  @Test
  void finish_chunkOnHelperThrowsCheckedExceptionSneakily_rethrowsTheSameException() throws Exception {
    java.io.IOException io = new java.io.IOException("from user code");
    ChunkedWork work = new ChunkedWork(1, c -> {
      throw ChunkedWork.<RuntimeException>rethrow(io);
    });
    pool.submit(work::help).get(5, TimeUnit.SECONDS);

    assertThatThrownBy(work::finish).isSameAs(io);
  }

  @Test
  void finish_noChunks_returnsAtOnce() {
    new ChunkedWork(0, c -> {
      throw new AssertionError("no chunk to run");
    }).finish();
  }

  @Test
  void constructor_negativeChunks_rejected() {
    assertThatThrownBy(() -> new ChunkedWork(-1, c -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
