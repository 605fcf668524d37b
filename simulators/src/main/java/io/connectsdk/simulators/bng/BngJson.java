package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** JSON and timestamp helpers of the BNG simulator. */
final class BngJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String CONTENT_TYPE = "application/json; charset=utf-8";
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private BngJson() {}

  /** ISO-8601 UTC with milliseconds, e.g. {@code 2026-11-22T10:00:00.000Z}. */
  static String timestamp(Instant instant) {
    return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses a request body that must be one JSON object. */
  static ObjectNode parseObject(String body) {
    if (body == null || body.isBlank()) {
      throw BngError.badRequest("body", "must be a JSON object");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node instanceof ObjectNode o) {
        return o;
      }
    } catch (JsonProcessingException e) {
      // fall through to the same answer
    }
    throw BngError.badRequest("body", "must be a JSON object");
  }
}
