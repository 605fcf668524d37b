package io.connectsdk.core.sync;

import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.Entity;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.LedgerEntry;
import io.connectsdk.core.store.LedgerKey;
import io.connectsdk.core.store.RecordError;
import io.connectsdk.core.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens once a record's fate is known: a success is linked in the key map, recorded in the
 * ledger (and the partner's echo guard), written back to the source and counted; a failure goes to
 * the dead-letter queue; a skip is counted. Logs ids, codes and field paths, never field values.
 */
final class Delivery {
  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
  private final JobConfig config;
  private final RunStats stats;
  private final EchoGuard echoGuard;

  Delivery(JobConfig config, RunStats stats, Retrier retrier) {
    this.config = config;
    this.stats = stats;
    this.echoGuard = new EchoGuard(config, retrier);
  }

  void succeeded(Prepared p, WriteResult result) {
    MdcScope scope = MdcScope.put(MdcScope.RECORD, p.sourceRef().toString());
    try {
      SyncTarget target = p.target();
      RecordRef targetRef = link(p, result);
      Stores stores = config.stores();
      // before the hash: a crash between the two leaves a record that is written again, never one
      // whose older copies could overwrite it
      LedgerKey key = new LedgerKey(target.system(), target.type(), p.ledgerKey());
      LedgerEntry entry = stores.ledger().entry(key).orElse(LedgerEntry.EMPTY)
          .withSourceVersion(java.util.Optional.of(SourceVersion.of(p.source()).encode()));
      stores.ledger().put(key, entry);
      if (config.writeBack().isPresent() && !writeBack(p, targetRef, result)) {
        return; // dead-lettered: no ledger hash, so a replay repeats write and write-back
      }
      // the hash of what was written, never of the source as the write-back left it: that copy
      // may hold changes made after we read the record, and they still have to reach the target
      stores.ledger().put(key, entry.withContentHash(java.util.Optional.of(p.hash()))
          .withCreateIntent(java.util.Optional.empty()));
      echoGuard.afterWrite(p, targetRef, result);
      count(result.status());
      config.listener().recordWritten(config.id(), p.sourceRef(), targetRef, result.status());
      LOG.debug("{} {} as {}", result.status(), p.sourceRef(), targetRef);
      resolveDeadLetter(p);
    } finally {
      scope.close();
    }
  }

  /**
   * Links a {@link Prepared#recovery() recovery} write to the record the target answered with,
   * and nothing more: that record may hold the earlier content, so the caller writes the current
   * content to it next.
   */
  void recovered(Prepared p, WriteResult result) {
    MdcScope scope = MdcScope.put(MdcScope.RECORD, p.sourceRef().toString());
    try {
      RecordRef targetRef = link(p, result);
      LOG.debug("{} recovered as {} from an unrecorded create", p.sourceRef(), targetRef);
    } finally {
      scope.close();
    }
  }

  /** Links the source record to the target record and remembers the key's result. */
  private RecordRef link(Prepared p, WriteResult result) {
    SyncTarget target = p.target();
    String targetId = result.targetId().or(p::targetId).orElseThrow(() ->
        new IllegalStateException(target.system() + " reported " + result.status()
            + " without a target id for " + p.sourceRef()));
    RecordRef targetRef = new RecordRef(target.system(), target.type(), targetId);
    config.stores().keyMap().link(p.sourceRef(), targetRef);
    config.stores().ledger().putKeyResult(p.idempotencyKey(), targetId, config.keyTtl());
    return targetRef;
  }

  /**
   * Removes the record's dead letter for this target, if it has one and it holds no newer version
   * than {@code p}'s: that copy is delivered now (or superseded). A newer dead-lettered version
   * stays queued, so a late older copy cannot make it vanish undelivered.
   */
  void resolveDeadLetter(Prepared p) {
    SourceVersion delivered = SourceVersion.of(p.source());
    config.stores().deadLetters().find(config.id(), p.target().name(), p.sourceRef())
        .filter(entry -> !delivered.isOlderThan(SourceVersion.of(entry.record())))
        .ifPresent(this::resolved);
  }

  /** Runs the write-back; returns false if it failed and the record was dead-lettered. */
  private boolean writeBack(Prepared p, RecordRef targetRef, WriteResult result) {
    try {
      config.writeBack().orElseThrow().afterWrite(p.source(), targetRef, result);
      return true;
    } catch (RuntimeException e) {
      ErrorKind kind = e instanceof ConnectorException ce ? ce.kind() : ErrorKind.PERMANENT;
      deadLetter(p.source(), p.sourceRef(), p.target(), new RecordError(kind, "WriteBackFailed",
          "write-back threw " + e.getClass().getName(), ""));
      return false;
    }
  }

  private void resolved(DeadLetter entry) {
    if (config.stores().deadLetters().markReplayed(entry.id())) {
      config.listener().recordReplayed(config.id(), entry.source(), entry.id());
    }
  }

  private void count(WriteResult.Status status) {
    switch (status) {
      case CREATED -> stats.created.incrementAndGet();
      case UPDATED, DELETED -> stats.updated.incrementAndGet();
      case UNCHANGED -> stats.unchanged.incrementAndGet();
      case FAILED -> throw new IllegalArgumentException("not a success: " + status);
    }
  }

  void deadLetter(Entity source, RecordRef sourceRef, SyncTarget target, RecordError error) {
    MdcScope scope = MdcScope.put(MdcScope.RECORD, sourceRef.toString());
    try {
      DeadLetter entry = config.stores().deadLetters()
          .add(config.id(), target.name(), sourceRef, source, error);
      stats.deadLettered.incrementAndGet();
      String reason = error.kind() + " " + error.code()
          + (error.fieldPath().isEmpty() ? "" : " at " + error.fieldPath());
      config.listener().recordDeadLettered(config.id(), sourceRef, reason);
      LOG.warn("{} dead-lettered for {} as {} (attempt {}): {}", sourceRef, target.name(),
          entry.id(), entry.attempts(), reason);
    } finally {
      scope.close();
    }
  }

  void skipped(RecordRef sourceRef, String reason) {
    stats.unchanged.incrementAndGet();
    config.listener().recordSkipped(config.id(), sourceRef, reason);
    LOG.debug("skipped {}: {}", sourceRef, reason);
  }
}
