package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/** Calls a named {@link MappingFunction}; an exception it throws becomes a field error. */
final class FunctionConverter implements Converter {
  private final String name;
  private final MappingFunction function;

  FunctionConverter(String name, MappingFunction function) {
    this.name = name;
    this.function = function;
  }

  @Override
  public JsonNode convert(JsonNode value, JsonNode source, Ctx ctx, String path) {
    if (!OutputCheck.okShape(value, path, ctx)) {
      return null;
    }
    JsonNode result;
    try {
      result = function.apply(value);
    } catch (RuntimeException e) {
      // A custom function rejecting one record must not stop the sync: the record fails alone.
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      ctx.sourceError(path, "function:" + name, reason, value);
      return null;
    }
    return result == null || result.isMissingNode() ? null : result;
  }
}
