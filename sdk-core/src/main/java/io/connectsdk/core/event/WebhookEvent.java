package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /** Ids and versions only: the record's fields may be personal data. */
  @Override
  public String toString() {
    return "WebhookEvent[id=" + id + ", type=" + type + ", createdAt=" + createdAt
        + ", recordKey=" + recordKey + ", recordVersion=" + recordVersion + "]";
  }
}
