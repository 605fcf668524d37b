package io.connectsdk.core.sync;

import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.Entity;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.resilience.CircuitOpenException;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.store.RecordError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a window's planned records to one target: crash-recovery writes first and singly, the rest
 * in batches of the target's maximum; each call once through the target's policy (a connector's
 * own policy owns call retries). Records that come back failed-and-retryable are written again in
 * rounds, up to the job's {@code recordAttempts}, after a backoff that honours the largest
 * Retry-After of the round; a Retry-After longer than the job's maxRetryWait ends the run with the
 * rate-limited error instead of retrying early. A version conflict goes to the conflict policy and
 * is retried once.
 *
 * <p><b>Whole-call failures.</b> An authentication failure, an open circuit or an {@link Error}
 * end the run. A call the connector gave up on as rate-limited puts its records into the next
 * round (after the Retry-After); still throttled after their attempts, the run ends with that
 * error and nothing is dead-lettered. Any other exception refuses the call: the
 * batch is unrolled into single-record calls to isolate the record that causes it (a poison
 * record), which is dead-lettered after its attempts while the rest is written. If three calls in a
 * row fail that way, or no call of the window succeeds at all, the target is taken to be down and
 * the run ends with the last failure (nothing is dead-lettered for an outage; the next run resumes).
 */
final class WriteExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(WriteExecutor.class);
  /** Consecutive calls refused by an exception that mean "the target is down", not "bad record". */
  static final int OUTAGE_STREAK = 3;

  private final JobConfig config;
  private final RunStats stats;

  WriteExecutor(JobConfig config, RunStats stats) {
    this.config = config;
    this.stats = stats;
  }

  /** Per-window state of the outage detection. */
  private static final class Health {
    boolean anyCallReturned;
    int streak;
    RuntimeException last;
    RateLimitedException throttled;
  }

  void write(SyncTarget target, List<Planned> writes, CommitBuffer buffer) {
    if (writes.isEmpty()) {
      return;
    }
    recordCreateIntents(writes);
    int maxBatch = target.connector().capabilities(target.type()).maxBatchSize();
    Health health = new Health();
    List<Planned> pending = recoveryFirst(writes);
    List<Planned> poisoned = new ArrayList<>();
    List<RecordError> poisonErrors = new ArrayList<>();
    for (int round = 1; !pending.isEmpty(); round++) {
      List<Planned> retry = new ArrayList<>();
      Duration wait = Duration.ZERO;
      for (List<Planned> batch : batches(pending, maxBatch)) {
        buffer.flush(); // what earlier calls obtained is recorded before the next call is sent
        List<Attempt> attempts = call(target, batch, health, buffer);
        for (Attempt a : attempts) {
          Planned p = a.planned();
          WriteResult r = a.result();
          if (r.isSuccess()) {
            buffer.succeeded(p, r);
          } else if (r.status() == WriteResult.Status.CONFLICT) {
            Optional<Planned> again = onConflict(p, r, buffer);
            if (again.isPresent() && round < config.recordAttempts()) {
              retry.add(again.get());
            } else if (again.isPresent()) {
              buffer.failed(p, new RecordError(ErrorKind.TRANSIENT, "VersionConflict",
                  "the target record kept changing while it was written", ""));
            }
          } else {
            WriteError error = r.error().orElseThrow();
            stats.failedAttempts.incrementAndGet();
            config.listener().recordFailed(config.id(), p.sourceRef(),
                error.kind() + " " + error.code());
            if (error.kind().isRetryable() && round < config.recordAttempts()) {
              retry.add(p);
              if (error.retryAfter().compareTo(wait) > 0) {
                wait = error.retryAfter();
              }
            } else if (a.byException() && error.kind().isRetryable()) {
              poisoned.add(p);
              poisonErrors.add(toRecordError(error, round));
            } else {
              buffer.failed(p, toRecordError(error, round));
            }
          }
        }
      }
      if (!retry.isEmpty()) {
        if (wait.compareTo(config.maxRetryWait()) > 0) {
          buffer.flush();
          throw new RateLimitedException(target.system(), target.system() + " asked to wait "
              + wait + " before a retry, longer than the job's maxRetryWait of "
              + config.maxRetryWait() + "; the next run resumes from the checkpoint", wait);
        }
        Duration backoff = backoff(round);
        sleep(target.system(), wait.compareTo(backoff) > 0 ? wait : backoff);
      }
      pending = retry;
    }
    if (!poisoned.isEmpty()) {
      if (health.throttled != null && poisonErrors.stream()
          .anyMatch(e -> e.kind() == ErrorKind.TRANSIENT && e.code().equals("RateLimited"))) {
        buffer.flush();
        throw health.throttled; // still throttled: the next run resumes, nothing dead-lettered
      }
      if (!health.anyCallReturned) {
        buffer.flush();
        throw health.last; // no call of the window worked: an outage, not bad records
      }
      for (int i = 0; i < poisoned.size(); i++) {
        buffer.failed(poisoned.get(i), poisonErrors.get(i));
      }
    }
  }

  /** One record's result in one call, and whether it stands for an exception of that call. */
  private record Attempt(Planned planned, WriteResult result, boolean byException) {}

  private List<Attempt> call(SyncTarget target, List<Planned> batch, Health health,
      CommitBuffer buffer) {
    try {
      List<WriteResult> results = send(target, batch);
      health.anyCallReturned = true;
      health.streak = 0;
      List<Attempt> attempts = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        attempts.add(new Attempt(batch.get(i), results.get(i), false));
      }
      return attempts;
    } catch (AuthenticationException | CircuitOpenException e) {
      buffer.flush();
      throw e;
    } catch (RateLimitedException e) {
      // the target is up and throttling: the batch's records wait for the next round (no unroll,
      // no outage); still throttled after their attempts, the run stops, nothing is dead-lettered
      health.anyCallReturned = true;
      health.throttled = e;
      WriteError error = new WriteError(ErrorKind.RATE_LIMITED, "RateLimited",
          e.getMessage() == null ? "rate limited" : e.getMessage(), Optional.empty(),
          e.retryAfter());
      List<Attempt> attempts = new ArrayList<>(batch.size());
      for (Planned p : batch) {
        attempts.add(new Attempt(p, WriteResult.failed(error), true));
      }
      return attempts;
    } catch (RuntimeException e) {
      if (batch.size() > 1) {
        // the call refused the whole batch: one by one, so only the bad records fail
        List<Attempt> attempts = new ArrayList<>(batch.size());
        for (Planned single : batch) {
          attempts.addAll(call(target, List.of(single), health, buffer));
        }
        return attempts;
      }
      if (e instanceof PermanentException) {
        health.anyCallReturned = true; // the target is up and refused this record
        return List.of(new Attempt(batch.get(0), WriteResult.failed(toWriteError(e)), false));
      }
      health.last = e;
      if (++health.streak >= OUTAGE_STREAK) {
        buffer.flush();
        LOG.warn("{} refused {} calls in a row ({}); taking it as down", target.system(),
            health.streak, e.getClass().getName());
        throw e;
      }
      LOG.debug("{} call for {} failed with {}", target.system(), batch.get(0).sourceRef(),
          e.getClass().getName());
      return List.of(new Attempt(batch.get(0), WriteResult.failed(toWriteError(e)), true));
    }
  }

  private List<WriteResult> send(SyncTarget target, List<Planned> batch) {
    List<WriteRequest> requests = new ArrayList<>(batch.size());
    for (Planned p : batch) {
      requests.add(p.request());
    }
    List<WriteResult> results = target.policy().execute(() -> {
      stats.connectorCalls.incrementAndGet();
      return target.connector().write(target.type(), requests);
    });
    if (results == null || results.size() != requests.size()) {
      throw new IllegalStateException(target.system() + " returned "
          + (results == null ? "null" : results.size() + " results") + " for "
          + requests.size() + " write requests; a connector must return one per request");
    }
    return results;
  }

  /** The conflict policy's answer to a version conflict: a retry, or empty (the target wins). */
  private Optional<Planned> onConflict(Planned p, WriteResult r, CommitBuffer buffer) {
    stats.conflicts.incrementAndGet();
    Optional<Entity> current = r.record();
    config.listener().recordConflicted(config.id(), p.sourceRef(),
        new io.connectsdk.core.RecordRef(p.target().system(), p.target().type(),
            r.targetId().or(p::targetId).orElse("?")));
    Optional<String> version = r.version();
    if (current.isPresent() && config.conflictPolicy().targetWins(p.source(), current.get())) {
      buffer.keptNewerTarget(p, version);
      return Optional.empty();
    }
    if (p.conflictRetried()) {
      buffer.failed(p, new RecordError(ErrorKind.TRANSIENT, "VersionConflict",
          "the target record changed again while it was written", ""));
      return Optional.empty();
    }
    return Optional.of(p.retryAfterConflict(version));
  }

  /**
   * Before creates are sent, stores under which idempotency key each goes (one ledger call): if
   * the process dies before the outcome is recorded and the record changes meanwhile, the next
   * run knows a create may be in the target and sends a recovery request.
   */
  private void recordCreateIntents(List<Planned> writes) {
    java.util.Map<io.connectsdk.core.store.LedgerKey,
        Optional<io.connectsdk.core.store.LedgerEntry>> intents = new java.util.LinkedHashMap<>();
    for (Planned p : writes) {
      if (p.action() == Planned.Action.CREATE
          && !p.entry().createIntent().filter(p.idempotencyKey()::equals).isPresent()) {
        intents.put(p.ledgerKey(),
            Optional.of(p.entry().withCreateIntent(Optional.of(p.idempotencyKey()))));
      }
    }
    if (!intents.isEmpty()) {
      config.stores().ledger().commit(new io.connectsdk.core.store.LedgerBatch(intents,
          java.util.Map.of(), config.keyTtl()));
    }
  }

  /** Recovery writes go first, each alone; the rest keeps its order. */
  private static List<Planned> recoveryFirst(List<Planned> writes) {
    List<Planned> ordered = new ArrayList<>(writes.size());
    for (Planned p : writes) {
      if (p.recovery()) {
        ordered.add(p);
      }
    }
    for (Planned p : writes) {
      if (!p.recovery()) {
        ordered.add(p);
      }
    }
    return ordered;
  }

  private static List<List<Planned>> batches(List<Planned> pending, int maxBatch) {
    List<List<Planned>> batches = new ArrayList<>();
    List<Planned> current = new ArrayList<>();
    for (Planned p : pending) {
      if (p.recovery()) {
        batches.add(List.of(p));
        continue;
      }
      current.add(p);
      if (current.size() == maxBatch) {
        batches.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }

  private static WriteError toWriteError(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    if (e instanceof ConnectorException ce) {
      return new WriteError(ce.kind(), ce.getClass().getSimpleName(), message, Optional.empty(),
          Duration.ZERO);
    }
    // a connector bug on this record (any exception): retried like a transient failure, then
    // dead-lettered, named by class only since the message may quote field values
    return new WriteError(ErrorKind.TRANSIENT, e.getClass().getSimpleName(),
        "write call threw " + e.getClass().getName(), Optional.empty(), Duration.ZERO);
  }

  private static RecordError toRecordError(WriteError error, int attempts) {
    if (error.kind().isRetryable()) {
      return new RecordError(ErrorKind.TRANSIENT, error.code(),
          "still failing after " + attempts + " attempts: " + error.message(),
          error.field().orElse(""));
    }
    return new RecordError(error.kind(), error.code(), error.message(), error.field().orElse(""));
  }

  /** The wait before retry round {@code round + 1}: initial * 2^(round-1), capped. */
  Duration backoff(int round) {
    Duration wait = config.initialBackoff();
    for (int i = 1; i < round && wait.compareTo(config.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
  }

  private void sleep(String system, Duration wait) {
    try {
      config.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException(system, "interrupted while backing off", e);
    }
  }
}
