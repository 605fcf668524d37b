package io.connectsdk.core.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.connectsdk.core.Json;
import java.io.IOException;
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

  /** Parses a whole document from a parser made by {@link #READER}, closing it. */
  static JsonNode read(JsonParser parser) throws IOException {
    try (parser) {
      try {
        JsonNode tree = READER.readTree(parser);
        if (parser.nextToken() != null) {
          throw new JsonParseException(parser, "trailing data after the document");
        }
        return tree == null ? MissingNode.getInstance() : tree;
      } catch (JsonProcessingException e) {
        throw error(e, parser);
      }
    }
  }

  static MappingDefinitionException error(JsonProcessingException e, JsonParser parser) {
    // the parser's own context, not the exception's: a constraint violation carries none
    String path = path(parser.getParsingContext());
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
        : e.getOriginalMessage();
    if (message.length() > MAX_REASON) {
      message = message.substring(0, MAX_REASON) + "…";
    }
    String what = message.startsWith("Duplicate field")
        ? "duplicate key" + message.substring("Duplicate field".length())
        : "not valid JSON: " + message;
    JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
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
