package io.connectsdk.core.spi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One record to write to a target, with upsert semantics.
 *
 * <p>If {@code targetId} is known (from the key map) the connector updates that record; otherwise it
 * finds an existing record by its idempotent-create path (natural key, external id, stored source
 * reference, idempotency key) and creates one only if none exists. Fields are copied in and out, so
 * a request is immutable.
 *
 * @param operation upsert or delete
 * @param targetId the record's id in the target, if known
 * @param fields the mapped content, in the order to send it
 * @param sourceRef stable reference of the source record ({@code system:type:id}); connectors may
 *     store it in the target (e.g. Sage 300 {@code OrderReference}) to find the record on a retry
 * @param idempotencyKey deterministic key of this exact write (source ref plus content hash); the
 *     same key with the same content must never create a second record
 * @param expectedVersion optimistic-concurrency check, if the target supports it
 */
public record WriteRequest(
    Operation operation,
    Optional<String> targetId,
    ObjectNode fields,
    String sourceRef,
    String idempotencyKey,
    OptionalLong expectedVersion) {

  /** What to do with the record. */
  public enum Operation {
    UPSERT,
    DELETE
  }

  public WriteRequest {
    requireNonNull(operation, "operation");
    requireNonNull(targetId, "targetId");
    fields = requireNonNull(fields, "fields").deepCopy();
    requireNonNull(sourceRef, "sourceRef");
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(expectedVersion, "expectedVersion");
    if (operation == Operation.DELETE && targetId.isEmpty()) {
      throw new IllegalArgumentException("a delete needs a targetId");
    }
  }

  /** An upsert of these fields. */
  public static WriteRequest upsert(
      Optional<String> targetId, ObjectNode fields, String sourceRef, String idempotencyKey) {
    return new WriteRequest(
        Operation.UPSERT, targetId, fields, sourceRef, idempotencyKey, OptionalLong.empty());
  }

  /** A delete of the target record. */
  public static WriteRequest delete(String targetId, String sourceRef, String idempotencyKey) {
    return new WriteRequest(
        Operation.DELETE,
        Optional.of(targetId),
        io.connectsdk.core.Json.object(),
        sourceRef,
        idempotencyKey,
        OptionalLong.empty());
  }

  /** A copy of the fields. */
  @Override
  public ObjectNode fields() {
    return fields.deepCopy();
  }

  /** Identity and operation only; field values stay out of logs. */
  @Override
  public String toString() {
    return "WriteRequest{" + operation + " " + sourceRef + targetId.map(id -> " -> " + id).orElse("")
        + "}";
  }
}
