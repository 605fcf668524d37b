package io.connectsdk.core.sync;

import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.store.RecordError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes prepared records to one target in batches of its maximum size. Records that fail with a
 * retryable error are written again (up to {@code maxAttempts}, with backoff honouring the largest
 * {@link WriteError#retryAfter()} of the round); a batch call refused as a whole with a
 * {@link PermanentException} is unrolled into single-record calls to find the bad records. Other
 * whole-call failures propagate (after the {@link Retrier}'s retries) and stop the run.
 */
final class BatchWriter {
  private final JobConfig config;
  private final RunStats stats;
  private final Retrier retrier;

  BatchWriter(JobConfig config, RunStats stats, Retrier retrier) {
    this.config = config;
    this.stats = stats;
    this.retrier = retrier;
  }

  /** One outcome per item, in item order. */
  List<WriteOutcome> write(SyncTarget target, List<Prepared> items) {
    WriteOutcome[] outcomes = new WriteOutcome[items.size()];
    int maxBatch = target.connector().capabilities(target.type()).maxBatchSize();
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      pending.add(i);
    }
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      List<Integer> retry = new ArrayList<>();
      Duration wait = Duration.ZERO;
      for (int from = 0; from < pending.size(); from += maxBatch) {
        List<Integer> batch = pending.subList(from, Math.min(from + maxBatch, pending.size()));
        List<WriteResult> results = writeBatch(target, batch.stream().map(items::get).toList());
        for (int j = 0; j < batch.size(); j++) {
          int index = batch.get(j);
          Prepared item = items.get(index);
          WriteResult result = results.get(j);
          if (result.isSuccess()) {
            outcomes[index] = new WriteOutcome(item, result, null);
            continue;
          }
          WriteError error = result.error().orElseThrow();
          stats.failed.incrementAndGet();
          config.listener().recordFailed(config.id(), item.sourceRef(),
              error.kind() + " " + error.code());
          if (error.kind().isRetryable() && attempt < config.maxAttempts()) {
            retry.add(index);
            if (error.retryAfter().compareTo(wait) > 0) {
              wait = error.retryAfter();
            }
          } else {
            outcomes[index] = new WriteOutcome(item, null, toRecordError(error, attempt));
          }
        }
      }
      if (!retry.isEmpty()) {
        Duration backoff = retrier.backoff(attempt);
        retrier.sleep(target.system(), wait.compareTo(backoff) > 0 ? wait : backoff);
      }
      pending = retry;
    }
    return List.of(outcomes);
  }

  private List<WriteResult> writeBatch(SyncTarget target, List<Prepared> batch) {
    List<WriteRequest> requests = batch.stream().map(Prepared::request).toList();
    try {
      List<WriteResult> results = retrier.call(target.policy(), target.system(), batch.size(),
          () -> target.connector().write(target.type(), requests));
      if (results == null || results.size() != requests.size()) {
        throw new IllegalStateException(target.system() + " returned "
            + (results == null ? "null" : results.size() + " results") + " for "
            + requests.size() + " write requests; a connector must return one per request");
      }
      return results;
    } catch (PermanentException e) {
      if (batch.size() == 1) {
        return List.of(WriteResult.failed(WriteError.permanent("PermanentException",
            e.getMessage() == null ? e.getClass().getName() : e.getMessage())));
      }
      // the call refused the whole batch: write one by one so only the bad records fail
      List<WriteResult> results = new ArrayList<>(batch.size());
      for (Prepared single : batch) {
        results.addAll(writeBatch(target, List.of(single)));
      }
      return results;
    }
  }

  private static RecordError toRecordError(WriteError error, int attempts) {
    if (error.kind().isRetryable()) {
      return new RecordError(ErrorKind.TRANSIENT, error.code(),
          "still failing after " + attempts + " attempts: " + error.message(),
          error.field().orElse(""));
    }
    return new RecordError(error.kind(), error.code(), error.message(), error.field().orElse(""));
  }
}
