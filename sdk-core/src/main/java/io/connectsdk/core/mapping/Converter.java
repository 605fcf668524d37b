package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** One compiled conversion in a value rule; immutable and thread-safe. */
interface Converter {
  /**
   * Converts a present (non-null) value.
   *
   * @param source the whole source record or line, for conversions that read other fields
   * @param path the input's path, for error messages
   * @return the converted value, or null to write nothing (an error was reported, or an optional
   *     conversion found no value)
   */
  JsonNode convert(JsonNode value, JsonNode source, Ctx ctx, String path);

  /** Adds top-level source fields this conversion reads besides its input. */
  default void collect(Set<String> topLevel) {}
}
