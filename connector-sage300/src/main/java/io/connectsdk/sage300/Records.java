package io.connectsdk.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.CompositeKey;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.PermanentException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Turns Web API JSON records into entities: ids from key fields, dates, metadata stripped. */
final class Records {
  private Records() {}

  /** The record as an entity of {@code type}; OData annotations ({@code @odata.*}) are dropped. */
  static Entity toEntity(Resource resource, EntityType type, JsonNode json) {
    if (!json.isObject()) {
      throw new PermanentException(SageErrors.KIND,
          resource.path() + " returned a non-object record");
    }
    ObjectNode fields = ((ObjectNode) json).deepCopy();
    fields.remove(fields.properties().stream().map(Map.Entry::getKey)
        .filter(k -> k.startsWith("@")).toList());
    Entity.Builder b = Entity.builder(type, id(resource, fields)).origin(SageErrors.KIND)
        .takeFields(fields); // our own copy: handed over, not copied a second time
    resource.changeField().flatMap(f -> day(fields.get(f)))
        .ifPresent(d -> b.updatedAt(d.atStartOfDay().toInstant(ZoneOffset.UTC)));
    return b.build();
  }

  /** The native id: the key value, or a {@link CompositeKey} of all key parts. */
  static String id(Resource resource, JsonNode fields) {
    if (resource.key().size() == 1) {
      return keyValue(resource, fields, resource.key().get(0));
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (KeyPart part : resource.key()) {
      parts.put(part.name(), keyValue(resource, fields, part));
    }
    return new CompositeKey(parts).encode();
  }

  private static String keyValue(Resource resource, JsonNode fields, KeyPart part) {
    JsonNode v = fields.get(part.name());
    if (v == null || v.isNull() || v.isContainerNode()) {
      throw new PermanentException(SageErrors.KIND,
          resource.path() + " returned a record without key field " + part.name());
    }
    return v.isNumber() ? plain(v.decimalValue()) : v.asText();
  }

  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  /** The day of a date field ({@code 2026-04-01T00:00:00Z}, {@code 2010-08-18T00:00:00}, {@code 2020-01-15}). */
  static Optional<LocalDate> day(JsonNode value) {
    if (value == null || !value.isTextual() || value.asText().length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.asText().substring(0, 10)));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
