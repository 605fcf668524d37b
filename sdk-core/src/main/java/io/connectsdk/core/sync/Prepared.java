package io.connectsdk.core.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.internal.Shared;
import io.connectsdk.core.spi.WriteRequest;
import java.util.Optional;

/**
 * One source record mapped for one target and looked up in the stores: ready to write.
 *
 * @param mapped the record mapped, resolved and hashed
 * @param idempotencyKey the key this write is sent with: {@link Mapped#idempotencyKey()}, or an
 *     earlier create's key when this write is a {@link #recovery()}
 * @param targetId the target id if known from the key map or an earlier write with the same key
 * @param recovery true if this write repeats an earlier create whose outcome was never recorded
 *     (the process died after sending it) with that create's idempotency key, so the target
 *     answers with the record it may already have made; the content then still has to be written
 *     to that record
 */
record Prepared(Mapped mapped, String idempotencyKey, Optional<String> targetId,
    boolean recovery) {

  Entity source() {
    return mapped.source();
  }

  RecordRef sourceRef() {
    return mapped.sourceRef();
  }

  SyncTarget target() {
    return mapped.target();
  }

  /** The content to write (after conflict-policy drops); owned, never changed. */
  ObjectNode fields() {
    return mapped.fields();
  }

  /** {@link ContentHash} of {@link #fields()}. */
  String hash() {
    return mapped.hash();
  }

  /** The mapped values of fields the conflict policy removed (the other side owns them). */
  ObjectNode dropped() {
    return mapped.dropped();
  }

  WriteRequest request() {
    // the request shares the node: neither side ever changes it, and connectors only see copies
    return Shared.adoptUpsert(targetId, fields(), sourceRef().toString(), idempotencyKey);
  }

  /** True if this write creates a record (no target id is known). */
  boolean isCreate() {
    return targetId.isEmpty();
  }

  /** The ledger key of this record's content in the target. */
  String ledgerKey() {
    return mapped.ledgerKey();
  }
}
