package io.connectsdk.core.mapping;

import io.connectsdk.core.Entity;

/**
 * A compiled transformation of one entity shape into another. Evaluation returns the target fields
 * or every field error; never a half-mapped record, never an exception for bad data.
 *
 * <p>Implementations are immutable and thread-safe: compile once, apply to any number of records
 * from any number of threads. A lambda is a valid custom mapping.
 */
@FunctionalInterface
public interface Mapping {

  /** Maps one source record. */
  MappingResult apply(Entity source);

  /**
   * Starts a compiled, rule-based mapping.
   *
   * @see MappingBuilder
   * @see MappingLoader for the same rules as a JSON document
   */
  static MappingBuilder builder(String name) {
    return new MappingBuilder(name);
  }

  /** Starts an unnamed compiled mapping (named {@code "mapping"}); prefer naming it. */
  static MappingBuilder builder() {
    return new MappingBuilder("mapping");
  }
}
