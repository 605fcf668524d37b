package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import java.time.Instant;

/**
 * One verified, parsed webhook event. Immutable: the object is copied in and out.
 *
 * @param id the event's id, unique per event (not per record), used for de-duplication
 * @param type e.g. {@code "order.created"}
 * @param createdAt when the sender created the event
 * @param object the record as the event carries it
 * @param recordKey identifies the record across events, e.g. {@code "order:ord_123"}
 * @param recordVersion how new the carried record state is, for out-of-order protection
 */
public record WebhookEvent(
    String id,
    String type,
    Instant createdAt,
    ObjectNode object,
    String recordKey,
    RecordVersion recordVersion) {

  public WebhookEvent {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(createdAt, "createdAt");
    object = requireNonNull(object, "object").deepCopy();
    requireNonNull(recordKey, "recordKey");
    requireNonNull(recordVersion, "recordVersion");
  }

  /** A copy of the record; changing it does not change this event. */
  @Override
  public ObjectNode object() {
    return object.deepCopy();
  }

  /** The part of the type before the first dot, e.g. {@code "order"} for {@code "order.created"}. */
  public String entity() {
    int dot = type.indexOf('.');
    return dot < 0 ? type : type.substring(0, dot);
  }

  /**
   * The carried record as an {@link Entity} of {@code system}, ready for {@code SyncJob.onEvent}:
   * its native id is the object's {@code idField}, its update time and version come from {@link
   * #recordVersion()}.
   *
   * @throws IllegalArgumentException if the object has no text value in {@code idField}
   */
  public Entity toEntity(String system, EntityType entityType, String idField) {
    requireNonNull(system, "system");
    requireNonNull(entityType, "entityType");
    JsonNode id = object.get(requireNonNull(idField, "idField"));
    if (id == null || !id.isValueNode() || id.isNull() || id.asText().isEmpty()) {
      throw new IllegalArgumentException("event " + this.id + " carries no '" + idField + "'");
    }
    Entity.Builder b = Entity.builder(entityType, id.asText())
        .origin(system)
        .updatedAt(recordVersion.updatedAt())
        .fields(object);
    recordVersion.version().ifPresent(b::version);
    return b.build();
  }

  /** Ids and versions only: the record's fields may be personal data. */
  @Override
  public String toString() {
    return "WebhookEvent[id=" + id + ", type=" + type + ", createdAt=" + createdAt
        + ", recordKey=" + recordKey + ", recordVersion=" + recordVersion + "]";
  }
}
