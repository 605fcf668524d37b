package io.connectsdk.core.spi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * One record to write to a target, with upsert semantics. Immutable: fields are copied in (unless
 * handed over with {@link Builder#takeFields}) and out. Made with {@link #builder()} or the
 * {@link #upsert}/{@link #delete} shorthands, so a field added later breaks no connector.
 *
 * <p>If {@code targetId} is known (from the key map) the connector updates that record; otherwise it
 * finds an existing record by its idempotent-create path (natural key, external id, stored source
 * reference, idempotency key) and creates one only if none exists.
 *
 * <ul>
 *   <li>{@link #operation()}: upsert or delete
 *   <li>{@link #targetId()}: the record's id in the target, if known
 *   <li>{@link #fields()}: the mapped content, in the order to send it
 *   <li>{@link #sourceRef()}: stable reference of the source record ({@code system:type:id});
 *       connectors may store it in the target (e.g. Sage 300 {@code OrderReference}) to find the
 *       record on a retry
 *   <li>{@link #idempotencyKey()}: deterministic key of this exact write (source ref plus content
 *       hash); the same key with the same content must never create a second record, and a key is
 *       never sent again with other content
 *   <li>{@link #ifMatch()}: the target record's version last seen (optimistic concurrency); a
 *       connector whose target supports it sends it and answers a stale one with
 *       {@link WriteResult#conflict}
 *   <li>{@link #recovery()}: an earlier create of this record was sent and its outcome never
 *       recorded (the process died): the record may already exist in the target. The connector
 *       must look it up by its idempotent path (external id, stored reference, natural key) and
 *       update it if found, and create only otherwise; the idempotency key is this write's own
 *       (the earlier create's key is never resent with other content)
 * </ul>
 */
public final class WriteRequest {

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
  private final Optional<String> ifMatch;
  private final boolean recovery;

  private WriteRequest(Builder b) {
    this.operation = b.operation;
    this.targetId = b.targetId;
    this.fields = b.fields;
    this.sourceRef = requireNonNull(b.sourceRef, "sourceRef");
    this.idempotencyKey = requireNonNull(b.idempotencyKey, "idempotencyKey");
    this.ifMatch = b.ifMatch;
    this.recovery = b.recovery;
  }

  /** Starts an upsert; set at least {@code sourceRef} and {@code idempotencyKey}. */
  public static Builder builder() {
    return new Builder();
  }

  /** An upsert of these fields (copied). */
  public static WriteRequest upsert(
      Optional<String> targetId, ObjectNode fields, String sourceRef, String idempotencyKey) {
    return builder().targetId(targetId).fields(fields).sourceRef(sourceRef)
        .idempotencyKey(idempotencyKey).build();
  }

  /** A delete of the target record. */
  public static WriteRequest delete(String targetId, String sourceRef, String idempotencyKey) {
    return builder().delete(targetId).sourceRef(sourceRef).idempotencyKey(idempotencyKey).build();
  }

  /** A builder seeded with this request (the fields are shared until changed, then copied). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.operation = operation;
    b.targetId = targetId;
    b.fields = fields;
    b.sourceRef = sourceRef;
    b.idempotencyKey = idempotencyKey;
    b.ifMatch = ifMatch;
    b.recovery = recovery;
    return b;
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

  /** One top-level field's value, or null; do not modify a container value. */
  public com.fasterxml.jackson.databind.JsonNode field(String name) {
    return fields.get(requireNonNull(name, "name"));
  }

  public String sourceRef() {
    return sourceRef;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public Optional<String> ifMatch() {
    return ifMatch;
  }

  public boolean recovery() {
    return recovery;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WriteRequest r
        && operation == r.operation
        && targetId.equals(r.targetId)
        && fields.equals(r.fields)
        && sourceRef.equals(r.sourceRef)
        && idempotencyKey.equals(r.idempotencyKey)
        && ifMatch.equals(r.ifMatch)
        && recovery == r.recovery;
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, targetId, fields, sourceRef, idempotencyKey, ifMatch, recovery);
  }

  /** Identity and operation only; field values stay out of logs. */
  @Override
  public String toString() {
    return "WriteRequest{" + operation + " " + sourceRef + targetId.map(id -> " -> " + id).orElse("")
        + (recovery ? " recovery" : "") + "}";
  }

  /** Builds a {@link WriteRequest}. Not thread-safe. */
  public static final class Builder {
    private Operation operation = Operation.UPSERT;
    private Optional<String> targetId = Optional.empty();
    private ObjectNode fields = Json.object();
    private String sourceRef;
    private String idempotencyKey;
    private Optional<String> ifMatch = Optional.empty();
    private boolean recovery;

    private Builder() {}

    public Builder targetId(Optional<String> targetId) {
      this.targetId = requireNonNull(targetId, "targetId");
      return this;
    }

    public Builder targetId(String targetId) {
      return targetId(Optional.of(requireNonNull(targetId, "targetId")));
    }

    /** The content to write; copied. */
    public Builder fields(ObjectNode fields) {
      this.fields = requireNonNull(fields, "fields").deepCopy();
      return this;
    }

    /**
     * The content to write, handed over without a copy: the caller must never touch the node
     * again (the sync engine uses this for the content it mapped).
     */
    public Builder takeFields(ObjectNode fields) {
      this.fields = requireNonNull(fields, "fields");
      return this;
    }

    public Builder sourceRef(String sourceRef) {
      this.sourceRef = requireNonNull(sourceRef, "sourceRef");
      return this;
    }

    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = requireNonNull(idempotencyKey, "idempotencyKey");
      return this;
    }

    /** The target version last seen; empty sends no if-match. */
    public Builder ifMatch(Optional<String> version) {
      this.ifMatch = requireNonNull(version, "version");
      return this;
    }

    /** Marks a create whose earlier attempt's outcome is unknown (see {@link #recovery()}). */
    public Builder recovery(boolean recovery) {
      this.recovery = recovery;
      return this;
    }

    /** Makes this a delete of {@code targetId}. */
    public Builder delete(String targetId) {
      this.operation = Operation.DELETE;
      this.targetId = Optional.of(requireNonNull(targetId, "targetId"));
      return this;
    }

    /** @throws NullPointerException if sourceRef or idempotencyKey is not set */
    public WriteRequest build() {
      return new WriteRequest(this);
    }
  }
}
