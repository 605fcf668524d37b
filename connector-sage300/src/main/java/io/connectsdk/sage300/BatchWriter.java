package io.connectsdk.sage300;

import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes one call's records concurrently, up to the connector's concurrency limit (the HTTP
 * client's semaphore is the hard limit; this only keeps that many procedures going). A record
 * whose retries ran out on a retryable failure becomes a FAILED result carrying the failure's kind
 * and Retry-After, so the others' results are not lost; a non-retryable failure of the whole call
 * is thrown after every started record has finished. Thread-safe.
 */
final class BatchWriter implements AutoCloseable {
  private final MasterWriter masters;
  private final DocumentWriter documents;
  private final int parallelism;
  private final ExecutorService pool;

  BatchWriter(MasterWriter masters, DocumentWriter documents, int parallelism, String system) {
    this.masters = masters;
    this.documents = documents;
    this.parallelism = parallelism;
    AtomicInteger n = new AtomicInteger();
    this.pool = parallelism > 1 ? Executors.newFixedThreadPool(parallelism - 1, r -> {
      Thread t = new Thread(r, system + "-writer-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }) : null;
  }

  List<WriteResult> write(Resource resource, EntityType type, List<WriteRequest> requests) {
    if (pool == null || requests.size() == 1) {
      List<WriteResult> out = new ArrayList<>(requests.size());
      RuntimeException fatal = null;
      for (WriteRequest r : requests) {
        try {
          out.add(one(resource, type, r));
        } catch (RuntimeException e) {
          fatal = fatal == null ? e : fatal;
          break;
        }
      }
      if (fatal != null) {
        throw fatal;
      }
      return List.copyOf(out);
    }
    // parallelism - 1 pool threads plus the calling thread, which takes its share of the records
    List<CompletableFuture<WriteResult>> futures = new ArrayList<>(requests.size());
    List<Runnable> mine = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      WriteRequest r = requests.get(i);
      CompletableFuture<WriteResult> f = new CompletableFuture<>();
      Runnable task = () -> {
        try {
          f.complete(one(resource, type, r));
        } catch (Throwable e) {
          f.completeExceptionally(e);
        }
      };
      if (i % parallelism == 0) {
        mine.add(task);
      } else {
        pool.execute(task);
      }
      futures.add(f);
    }
    mine.forEach(Runnable::run);
    List<WriteResult> out = new ArrayList<>(requests.size());
    RuntimeException fatal = null;
    for (CompletableFuture<WriteResult> f : futures) {
      try {
        out.add(f.join());
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error err) {
          throw err;
        }
        fatal = fatal == null ? (RuntimeException) cause : fatal;
      }
    }
    if (fatal != null) {
      throw fatal;
    }
    return List.copyOf(out);
  }

  private WriteResult one(Resource resource, EntityType type, WriteRequest request) {
    try {
      return resource.style() == Resource.WriteStyle.MASTER
          ? masters.write(resource, type, request)
          : documents.write(resource, type, request);
    } catch (ConnectorException e) {
      if (!e.isRetryable()) {
        throw e;
      }
      Duration wait = e instanceof RateLimitedException r ? r.retryAfter() : Duration.ZERO;
      return WriteResult.failed(request.targetId(), new WriteError(e.kind(),
          e.getClass().getSimpleName(), e.getMessage(), Optional.empty(), wait));
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
