package io.connectsdk.core.sync;

import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.RecordError;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens once a batch's bookkeeping is committed: counts, listener events and logs (ids,
 * codes and field paths, never field values), the write-back into the source, and the echo guard
 * of a two-way pair. Runs on the job's thread.
 */
final class AfterCommit {
  private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);
  private final JobConfig config;
  private final RunStats stats;
  private final EchoGuard echoGuard;

  AfterCommit(JobConfig config, RunStats stats) {
    this.config = config;
    this.stats = stats;
    this.echoGuard = new EchoGuard(config, stats);
  }

  /** One outcome waiting for its commit. */
  record Event(Kind kind, Planned planned, RecordRef source, RecordRef target, WriteResult result,
      String reason, RecordError error) {
    enum Kind { WRITTEN, SKIPPED, DEAD_LETTERED, REPLAYED }

    static Event written(Planned p, RecordRef target, WriteResult result) {
      return new Event(Kind.WRITTEN, p, p.sourceRef(), target, result, "", null);
    }

    static Event skipped(Planned p, String reason) {
      return new Event(Kind.SKIPPED, p, p.sourceRef(), null, null, reason, null);
    }

    static Event skippedRef(RecordRef ref, String reason) {
      return new Event(Kind.SKIPPED, null, ref, null, null, reason, null);
    }

    static Event deadLettered(Planned p, RecordError error) {
      return new Event(Kind.DEAD_LETTERED, p, p.sourceRef(), null, null, "", error);
    }

    static Event replayed(Planned p, String deadLetterId) {
      return new Event(Kind.REPLAYED, p, p.sourceRef(), null, null, deadLetterId, null);
    }
  }

  /** True if the effects may record something of their own (write-back hashes, echo guard). */
  boolean mayRecord() {
    return config.writeBack().isPresent() || config.echo().partner().isPresent();
  }

  void run(List<Event> events, List<DeadLetter> stored, CommitBuffer buffer) {
    count(events, stored);
    for (Event e : events) {
      if (e.kind() != Event.Kind.WRITTEN || e.result().status() == WriteResult.Status.DELETED) {
        continue;
      }
      MdcScope scope = MdcScope.put(MdcScope.RECORD, e.source().toString());
      try {
        Planned p = e.planned();
        if (config.writeBack().isPresent()) {
          if (!writeBack(p, e.target(), e.result(), buffer)) {
            continue;
          }
          buffer.putEntry(p.ledgerKey(),
              CommitBuffer.written(p, e.result(), Optional.of(p.mapped().hash())));
        }
        echoGuard.afterWrite(p, e.target(), e.result(), buffer);
      } finally {
        scope.close();
      }
    }
  }

  /** Counts the events and tells the listener, in order. */
  void count(List<Event> events, List<DeadLetter> stored) {
    int letter = 0;
    for (Event e : events) {
      MdcScope scope = MdcScope.put(MdcScope.RECORD, e.source().toString());
      try {
        letter = report(e, stored, letter);
      } finally {
        scope.close();
      }
    }
  }

  /** Counts one event and tells the listener; returns the index of the next stored dead letter. */
  private int report(Event e, List<DeadLetter> stored, int letter) {
    {
      switch (e.kind()) {
        case WRITTEN -> {
          WriteResult r = e.result();
          switch (r.status()) {
            case CREATED -> stats.created.incrementAndGet();
            case UPDATED -> stats.updated.incrementAndGet();
            case DELETED -> stats.deleted.incrementAndGet();
            case UNCHANGED -> stats.unchanged.incrementAndGet();
            default -> throw new IllegalStateException("not a success: " + r.status());
          }
          config.listener().recordWritten(config.id(), e.source(), e.target(), r.status());
          if (!r.warnings().isEmpty()) {
            stats.warnings.incrementAndGet();
            config.listener().recordWarned(config.id(), e.source(), e.target(), r.warnings());
            LOG.info("{} written to {} with {} warning(s)", e.source(), e.target(),
                r.warnings().size());
          }
          LOG.debug("{} {} as {}", r.status(), e.source(), e.target());
        }
        case SKIPPED -> {
          stats.unchanged.incrementAndGet();
          config.listener().recordSkipped(config.id(), e.source(), e.reason());
          LOG.debug("skipped {}: {}", e.source(), e.reason());
        }
        case DEAD_LETTERED -> {
          stats.deadLettered.incrementAndGet();
          RecordError error = e.error();
          String reason = error.kind() + " " + error.code()
              + (error.fieldPath().isEmpty() ? "" : " at " + error.fieldPath());
          config.listener().recordDeadLettered(config.id(), e.source(), reason);
          DeadLetter entry = letter < stored.size() ? stored.get(letter) : null;
          letter++;
          LOG.warn("{} dead-lettered for {} as {} (attempt {}): {}", e.source(),
              e.planned().target().name(), entry == null ? "?" : entry.id(),
              entry == null ? "?" : entry.attempts(), reason);
        }
        case REPLAYED -> config.listener().recordReplayed(config.id(), e.source(), e.reason());
        default -> throw new IllegalStateException(e.kind().toString());
      }
    }
    return letter;
  }

  /** Runs the write-back; returns false if it failed and the record was dead-lettered. */
  private boolean writeBack(Planned p, RecordRef targetRef, WriteResult result,
      CommitBuffer buffer) {
    try {
      config.writeBack().orElseThrow().afterWrite(p.source(), targetRef, result);
      return true;
    } catch (RuntimeException ex) {
      ErrorKind kind = ex instanceof ConnectorException ce ? ce.kind() : ErrorKind.PERMANENT;
      buffer.failedAfterCommit(p, new RecordError(kind, "WriteBackFailed",
          "write-back threw " + ex.getClass().getName(), ""));
      return false;
    }
  }
}
