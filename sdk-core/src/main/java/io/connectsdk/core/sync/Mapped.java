package io.connectsdk.core.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;

/**
 * One source record mapped, resolved and hashed for one target, before the stores are consulted
 * (see {@link RecordPipeline#map} and {@link RecordPipeline#link}).
 *
 * @param source the source record as read
 * @param sourceRef its reference in the source system
 * @param target where it goes
 * @param fields the content to write (after conflict-policy drops); owned, never changed
 * @param hash {@link ContentHash} of {@code fields}
 * @param idempotencyKey deterministic key of writing exactly this content for this record
 * @param dropped the mapped values of fields the conflict policy removed (the other side owns them)
 */
record Mapped(
    Entity source,
    RecordRef sourceRef,
    SyncTarget target,
    ObjectNode fields,
    String hash,
    String idempotencyKey,
    ObjectNode dropped) {

  /** The ledger key of this record's content in the target. */
  String ledgerKey() {
    return sourceRef.toString();
  }
}
