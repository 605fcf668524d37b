package io.connectsdk.core.spi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import io.connectsdk.core.internal.Shared;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One record to write to a target, with upsert semantics. Immutable: fields are copied in and out.
 *
 * <p>If {@code targetId} is known (from the key map) the connector updates that record; otherwise it
 * finds an existing record by its idempotent-create path (natural key, external id, stored source
 * reference, idempotency key) and creates one only if none exists.
 *
 * <ul>
 *   <li>{@code operation}: upsert or delete
 *   <li>{@code targetId}: the record's id in the target, if known
 *   <li>{@code fields}: the mapped content, in the order to send it
 *   <li>{@code sourceRef}: stable reference of the source record ({@code system:type:id});
 *       connectors may store it in the target (e.g. Sage 300 {@code OrderReference}) to find the
 *       record on a retry
 *   <li>{@code idempotencyKey}: deterministic key of this exact write (source ref plus content
 *       hash); the same key with the same content must never create a second record
 *   <li>{@code expectedVersion}: optimistic-concurrency check, if the target supports it
 * </ul>
 */
public final class WriteRequest {
  static {
    Shared.registerWriteRequest(new Shared.AccessBase() {
      @Override
      public ObjectNode fields(WriteRequest request) {
        return request.fields;
      }

      @Override
      public WriteRequest adoptUpsert(
          Optional<String> targetId, ObjectNode fields, String sourceRef, String idempotencyKey) {
        return new WriteRequest(Operation.UPSERT, targetId, requireNonNull(fields, "fields"),
            sourceRef, idempotencyKey, OptionalLong.empty(), false);
      }
    });
  }

  /** What to do with the record. */
  public enum Operation {
    UPSERT,
    DELETE
  }

  private final Operation operation;
  private final Optional<String> targetId;
  private final ObjectNode fields;
  private final String sourceRef;
  private final String idempotencyKey;
  private final OptionalLong expectedVersion;

  /** A request; {@code fields} is copied. */
  public WriteRequest(
      Operation operation,
      Optional<String> targetId,
      ObjectNode fields,
      String sourceRef,
      String idempotencyKey,
      OptionalLong expectedVersion) {
    this(operation, targetId, requireNonNull(fields, "fields"), sourceRef, idempotencyKey,
        expectedVersion, true);
  }

  private WriteRequest(
      Operation operation,
      Optional<String> targetId,
      ObjectNode fields,
      String sourceRef,
      String idempotencyKey,
      OptionalLong expectedVersion,
      boolean copy) {
    this.operation = requireNonNull(operation, "operation");
    this.targetId = requireNonNull(targetId, "targetId");
    this.fields = copy ? fields.deepCopy() : fields;
    this.sourceRef = requireNonNull(sourceRef, "sourceRef");
    this.idempotencyKey = requireNonNull(idempotencyKey, "idempotencyKey");
    this.expectedVersion = requireNonNull(expectedVersion, "expectedVersion");
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
    return new WriteRequest(Operation.DELETE, Optional.of(targetId), Json.object(), sourceRef,
        idempotencyKey, OptionalLong.empty());
  }

  public Operation operation() {
    return operation;
  }

  public Optional<String> targetId() {
    return targetId;
  }

  /** A copy of the fields. */
  public ObjectNode fields() {
    return fields.deepCopy();
  }

  public String sourceRef() {
    return sourceRef;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public OptionalLong expectedVersion() {
    return expectedVersion;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WriteRequest r
        && operation == r.operation
        && targetId.equals(r.targetId)
        && fields.equals(r.fields)
        && sourceRef.equals(r.sourceRef)
        && idempotencyKey.equals(r.idempotencyKey)
        && expectedVersion.equals(r.expectedVersion);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, targetId, fields, sourceRef, idempotencyKey, expectedVersion);
  }

  /** Identity and operation only; field values stay out of logs. */
  @Override
  public String toString() {
    return "WriteRequest{" + operation + " " + sourceRef + targetId.map(id -> " -> " + id).orElse("")
        + "}";
  }
}
