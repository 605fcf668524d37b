package io.connectsdk.simulators.sage300;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The simulator's JSON conventions: exact decimals, insertion-ordered objects. */
final class SimJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(NODES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private SimJson() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Parses a request body that must be one JSON object. */
  static ObjectNode parseObject(String body) {
    if (body == null || body.isBlank()) {
      throw SageError.invalidPayload("The request body is empty; a JSON object is required.");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw SageError.invalidPayload("The request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw SageError.invalidPayload("The request body must be a JSON object.");
    }
    return object;
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
