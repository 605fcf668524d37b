package io.connectsdk.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The SDK's JSON conventions in one place: decimals are kept as {@link java.math.BigDecimal} (never
 * rounded through {@code double}) and field order is preserved.
 *
 * <p>The returned mapper is shared and thread-safe; do not reconfigure it.
 */
public final class Json {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(NODES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private Json() {}

  /** The shared mapper: exact decimals, insertion-ordered objects. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The node factory used for every node the SDK creates. */
  public static JsonNodeFactory nodes() {
    return NODES;
  }

  /** A new empty object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }
}
