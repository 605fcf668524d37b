package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import io.connectsdk.core.sync.ContentHash;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * Parses a JSON event envelope with configurable field names; {@link #bng()} reads BNG's {@code
 * {"id":"evt_…","type":"order.created","created_at":"…","data":{"object":{"id":…,"updated_at":…,
 * "version":…}}}}. The record key is {@code <entity>:<object id>}, the entity being the type before
 * its first dot. A body with duplicate keys or trailing data is refused. Immutable and thread-safe.
 */
public final class JsonEventParser implements EventParser {
  private static final ObjectReader READER = Json.mapper().reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int MAX_REASON = 200;

  private final String idField;
  private final String typeField;
  private final String createdAtField;
  private final JsonPointer objectPointer;
  private final String objectIdField;
  private final String updatedAtField;
  private final String versionField;

  /**
   * @param objectPointer JSON pointer to the record, e.g. {@code "/data/object"}
   * @param versionField the record's version counter field, or "" if the sender has none
   * @throws IllegalArgumentException if the pointer is not a valid JSON pointer
   */
  public JsonEventParser(String idField, String typeField, String createdAtField,
      String objectPointer, String objectIdField, String updatedAtField, String versionField) {
    this.idField = requireNonNull(idField, "idField");
    this.typeField = requireNonNull(typeField, "typeField");
    this.createdAtField = requireNonNull(createdAtField, "createdAtField");
    this.objectPointer = JsonPointer.compile(requireNonNull(objectPointer, "objectPointer"));
    this.objectIdField = requireNonNull(objectIdField, "objectIdField");
    this.updatedAtField = requireNonNull(updatedAtField, "updatedAtField");
    this.versionField = requireNonNull(versionField, "versionField");
  }

  /** BNG's envelope (see the class comment). */
  public static JsonEventParser bng() {
    return new JsonEventParser("id", "type", "created_at", "/data/object", "id", "updated_at",
        "version");
  }

  @Override
  public EventParseResult parse(byte[] body) {
    requireNonNull(body, "body");
    JsonNode root;
    try {
      root = READER.readTree(body);
    } catch (IOException e) {
      return malformed("not valid JSON: " + (e instanceof JsonProcessingException j
          ? j.getOriginalMessage() : e.getClass().getSimpleName()));
    }
    try {
      if (root == null || !root.isObject()) {
        throw new Bad("body is not a JSON object");
      }
      String id = text(root, idField, "");
      String type = text(root, typeField, "");
      Instant createdAt = instant(root, createdAtField, "");
      JsonNode node = root.at(objectPointer);
      if (!node.isObject()) {
        throw new Bad("no JSON object at " + objectPointer);
      }
      ObjectNode object = (ObjectNode) node;
      String where = objectPointer + "/";
      String objectId = text(object, objectIdField, where);
      RecordVersion version = new RecordVersion(instant(object, updatedAtField, where),
          version(object, where), contentHash(object));
      int dot = type.indexOf('.');
      String entity = dot < 0 ? type : type.substring(0, dot);
      return new EventParseResult.Parsed(
          new WebhookEvent(id, type, createdAt, object, entity + ":" + objectId, version));
    } catch (Bad e) {
      return malformed(e.getMessage());
    }
  }

  private static String text(JsonNode node, String field, String where) throws Bad {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new Bad("missing field '" + where + field + "'");
    }
    if (!v.isTextual()) {
      throw new Bad("field '" + where + field + "' must be a string, not " + v.getNodeType());
    }
    if (v.textValue().isBlank()) {
      throw new Bad("field '" + where + field + "' is empty");
    }
    return v.textValue();
  }

  private static Instant instant(JsonNode node, String field, String where) throws Bad {
    String text = text(node, field, where);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new Bad("field '" + where + field + "' is not an ISO-8601 instant");
    }
  }

  private OptionalLong version(JsonNode object, String where) throws Bad {
    if (versionField.isEmpty()) {
      return OptionalLong.empty();
    }
    JsonNode v = object.get(versionField);
    if (v == null || v.isNull()) {
      return OptionalLong.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new Bad("field '" + where + versionField + "' must be an integer");
    }
    return OptionalLong.of(v.longValue());
  }

  /** The record's content hash, so two changes with one timestamp are told apart. */
  private static String contentHash(ObjectNode object) throws Bad {
    try {
      return ContentHash.of(object);
    } catch (IllegalArgumentException e) { // NaN cannot come from JSON; too deep cannot either
      throw new Bad("record cannot be hashed: " + e.getMessage());
    }
  }

  private static EventParseResult malformed(String reason) {
    return new EventParseResult.Malformed(
        reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason);
  }

  /** A parse problem; control flow only, never leaves this class. */
  private static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;

    Bad(String reason) {
      super(reason, null, false, false);
    }
  }
}
