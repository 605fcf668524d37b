package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Where a value rule's input comes from: one path, several joined paths, or a constant. */
interface Source {
  /** The input value, or null if missing (errors already reported). */
  JsonNode read(JsonNode source, Ctx ctx);

  /** The path that error messages about the input name. */
  String errorPath();

  /** Adds the top-level source field names this source reads. */
  void collect(Set<String> topLevel);
}
