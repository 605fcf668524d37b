package io.connectsdk.core.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.internal.Shared;
import io.connectsdk.core.spi.WriteRequest;
import java.util.Optional;

/**
 * One source record mapped, resolved and ready to write to one target.
 *
 * @param source the source record as read
 * @param sourceRef its reference in the source system
 * @param target where it goes
 * @param fields the content to write (after conflict-policy drops); owned, never changed
 * @param hash {@link ContentHash} of {@code fields}
 * @param idempotencyKey deterministic key of this exact write
 * @param targetId the target id if known from the key map or an earlier write with the same key
 * @param dropped the mapped values of fields the conflict policy removed (the other side owns them)
 * @param recovery true if this write repeats an earlier create whose outcome was never recorded
 *     (the process died after sending it) with that create's idempotency key, so the target
 *     answers with the record it may already have made; the content then still has to be written
 *     to that record
 */
record Prepared(
    Entity source,
    RecordRef sourceRef,
    SyncTarget target,
    ObjectNode fields,
    String hash,
    String idempotencyKey,
    Optional<String> targetId,
    ObjectNode dropped,
    boolean recovery) {

  WriteRequest request() {
    // the request shares the node: neither side ever changes it, and connectors only see copies
    return Shared.adoptUpsert(targetId, fields, sourceRef.toString(), idempotencyKey);
  }

  /** True if this write creates a record (no target id is known). */
  boolean isCreate() {
    return targetId.isEmpty();
  }

  /** The ledger key of this record's content in the target. */
  String ledgerKey() {
    return sourceRef.toString();
  }
}
