package io.connectsdk.core.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.LedgerEntry;
import io.connectsdk.core.store.LedgerKey;
import io.connectsdk.core.store.RecordError;
import java.util.Optional;

/**
 * What the plan decided for one source record and one target, with everything the stores said of
 * it. Immutable; a conflict retry is a copy with another if-match version.
 *
 * @param source the source record as read
 * @param sourceRef its reference
 * @param target where it goes
 * @param action what to do
 * @param mapped the mapped content (null for a tombstone or a rejected record)
 * @param idempotencyKey the key the write is sent with
 * @param targetId the target record, when known
 * @param ifMatch the target version to send as if-match
 * @param recovery an earlier create's outcome is unknown: the connector looks the record up first
 * @param entry the ledger's entry of this record before the write
 * @param deadLetter the record's dead letter for this target, if any
 * @param reason why it is skipped or rejected, for a person
 * @param error the error a rejected record is dead-lettered with
 * @param conflictRetried true once the write was retried after a version conflict
 */
record Planned(
    Entity source,
    RecordRef sourceRef,
    SyncTarget target,
    Action action,
    Mapped mapped,
    String idempotencyKey,
    Optional<String> targetId,
    Optional<String> ifMatch,
    boolean recovery,
    LedgerEntry entry,
    Optional<DeadLetter> deadLetter,
    String reason,
    RecordError error,
    boolean conflictRetried) {

  /** What the plan does with a record. */
  enum Action {
    CREATE,
    UPDATE,
    DELETE,
    SKIP,
    REJECT;

    boolean writes() {
      return this == CREATE || this == UPDATE || this == DELETE;
    }
  }

  LedgerKey ledgerKey() {
    return new LedgerKey(target.system(), target.type(), sourceRef.toString());
  }

  Planned retryAfterConflict(Optional<String> version) {
    return new Planned(source, sourceRef, target, action, mapped, idempotencyKey, targetId,
        version, recovery, entry, deadLetter, reason, error, true);
  }

  WriteRequest request() {
    WriteRequest.Builder b = WriteRequest.builder()
        .sourceRef(sourceRef.toString())
        .idempotencyKey(idempotencyKey)
        .ifMatch(ifMatch);
    if (action == Action.DELETE) {
      return b.delete(targetId.orElseThrow()).build();
    }
    ObjectNode fields = mapped.fields(); // owned by the plan, never changed: handed over as is
    if (action == Action.CREATE && !mapped.dropped().isEmpty()) {
      // ownership governs updates: a record the target does not have yet gets every mapped field,
      // so a field another system owns but the target requires does not fail the create
      ObjectNode all = fields.deepCopy();
      all.setAll(mapped.dropped());
      return b.targetId(targetId).takeFields(all).recovery(recovery).build();
    }
    return b.targetId(targetId).takeFields(fields).recovery(recovery).build();
  }
}
