package io.connectsdk.bng;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.PermanentException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/** Turns BNG records into {@link Entity} values and compares content. Stateless. */
final class Records {
  private Records() {}

  /**
   * The entity of a BNG record; takes the node over (the caller must not touch it again).
   *
   * @throws PermanentException if the record has no id or an unreadable {@code updated_at}
   */
  static Entity toEntity(String system, Resource resource, ObjectNode record) {
    String id = resource.idOf(record).orElseThrow(() -> new PermanentException(system,
        "a " + resource.path + " record without its key"));
    Entity.Builder b = Entity.builder(resource.type, id).origin(system)
        .updatedAt(updatedAt(system, record));
    JsonNode version = record.get("version");
    if (version != null && version.canConvertToLong()) {
      b.version(version.longValue());
    }
    return b.takeFields(record).build();
  }

  static Instant updatedAt(String system, JsonNode record) {
    String text = record.path("updated_at").asText("");
    if (text.isEmpty()) {
      return Instant.EPOCH;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new PermanentException(system, "updated_at is not an ISO-8601 instant: " + text);
    }
  }

  /**
   * True if {@code record} already holds every top-level field of {@code fields} (numbers compared
   * by value), so a PATCH would change nothing.
   */
  static boolean holds(JsonNode record, ObjectNode fields) {
    Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode actual = record.get(f.getKey());
      if (!same(f.getValue(), actual == null ? MissingNode.getInstance() : actual)) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isNull() && actual.isMissingNode()) {
      return true;
    }
    return expected.equals(actual);
  }
}
