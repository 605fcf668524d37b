package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One compiled rule: reads the source, writes the output, reports errors; immutable. */
interface Step {
  void apply(JsonNode source, ObjectNode out, Ctx ctx);
}
