package io.connectsdk.core.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.connectsdk.core.Json;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads mapping documents strictly (a duplicate key or trailing data is an error, not last-wins)
 * and turns a parse failure into a {@link MappingDefinitionException} with the path read so far,
 * the line and the column.
 */
final class JsonSyntax {
  static final ObjectReader READER = Json.mapper().reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int MAX_REASON = 200;

  private JsonSyntax() {}

  static MappingDefinitionException error(JsonProcessingException e) {
    String path = e.getProcessor() instanceof JsonParser p ? path(p.getParsingContext()) : "";
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
        : e.getOriginalMessage();
    if (message.length() > MAX_REASON) {
      message = message.substring(0, MAX_REASON) + "…";
    }
    String what = message.startsWith("Duplicate field")
        ? "duplicate key" + message.substring("Duplicate field".length())
        : "not valid JSON: " + message;
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr()
        + ")";
    return new MappingDefinitionException(path, what + where);
  }

  /** {@code rules[0].to} for the context of {@code /rules/0/to}; "" at the root. */
  static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    String joined = String.join("", parts);
    return joined.startsWith(".") ? joined.substring(1) : joined;
  }
}
