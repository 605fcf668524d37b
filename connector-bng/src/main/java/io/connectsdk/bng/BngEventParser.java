package io.connectsdk.bng;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import io.connectsdk.core.event.EventParseResult;
import io.connectsdk.core.event.EventParser;
import io.connectsdk.core.event.RecordVersion;
import io.connectsdk.core.event.WebhookEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Parses BNG's event envelope {@code {"id":"evt_…","type":"order.created","created_at":"…",
 * "data":{"object":{…}}}} (bng.md "Webhooks"). The record key is the SDK entity type and id
 * ({@code sales_order:ord_1}, {@code inventory_level:sku=A,location=B}), so it matches what a
 * read returns; how new the record is comes from its {@code updated_at} and {@code version}. A body
 * with duplicate keys, trailing data or a missing or mistyped field is malformed. An event type
 * BNG may add later parses (key {@code <prefix>:<id>}) and is ignored by the router. Thread-safe.
 */
final class BngEventParser implements EventParser {
  private static final ObjectReader READER = Json.mapper().reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Override
  public EventParseResult parse(byte[] body) {
    JsonNode root;
    try {
      root = READER.readTree(body);
    } catch (IOException e) {
      return malformed("not valid JSON" + (e instanceof JsonProcessingException j
          ? ": " + cut(j.getOriginalMessage()) : ""));
    }
    if (root == null || !root.isObject()) {
      return malformed("body is not a JSON object");
    }
    Optional<String> id = text(root, "id");
    Optional<String> type = text(root, "type");
    Optional<Instant> createdAt = text(root, "created_at").flatMap(BngEventParser::instant);
    JsonNode object = root.path("data").path("object");
    if (id.isEmpty() || type.isEmpty() || createdAt.isEmpty()) {
      return malformed("id, type and created_at (ISO-8601) are required strings");
    }
    if (!object.isObject()) {
      return malformed("data.object is not a JSON object");
    }
    Optional<Instant> updatedAt = text(object, "updated_at").flatMap(BngEventParser::instant);
    if (updatedAt.isEmpty()) {
      return malformed("data.object.updated_at (ISO-8601) is required");
    }
    JsonNode version = object.get("version");
    if (version != null && !version.isNull() && !version.canConvertToLong()) {
      return malformed("data.object.version must be an integer");
    }
    Optional<Resource> resource = Resource.ofEvent(type.get());
    Optional<String> recordId = resource.isPresent() ? resource.get().idOf(object)
        : text(object, "id");
    if (recordId.isEmpty()) {
      return malformed("data.object has no key (id, or sku and location)");
    }
    String entity = resource.map(r -> r.type.name()).orElse(prefix(type.get()));
    RecordVersion v = new RecordVersion(updatedAt.get(), version == null || version.isNull()
        ? OptionalLong.empty() : OptionalLong.of(version.longValue()));
    return new EventParseResult.Parsed(new WebhookEvent(id.get(), type.get(), createdAt.get(),
        (ObjectNode) object, entity + ":" + recordId.get(), v));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.textValue().isBlank()
        ? Optional.of(v.textValue()) : Optional.empty();
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String prefix(String type) {
    int dot = type.indexOf('.');
    return dot < 0 ? type : type.substring(0, dot);
  }

  private static String cut(String s) {
    return s == null ? "" : s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }

  private static EventParseResult malformed(String reason) {
    return new EventParseResult.Malformed(reason);
  }
}
