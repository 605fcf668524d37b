package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A custom conversion written in Java and used from a mapping by its registered name. It receives
 * the rule's present input (for several inputs, an array with JSON null for missing ones) and
 * returns the output value, or null to write nothing.
 *
 * <p>Throw {@link IllegalArgumentException} (any runtime exception is treated the same) to reject
 * bad data: the message becomes a field error on the record. Must be thread-safe and must not
 * change its input.
 */
@FunctionalInterface
public interface MappingFunction {

  /** Converts one value. */
  JsonNode apply(JsonNode input);
}
