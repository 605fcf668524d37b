package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Value map and lookup table: translates the text of a scalar through a fixed table. */
final class TableConverter implements Converter {
  private final String rule;
  private final String tableName;
  private final Map<String, JsonNode> table;
  private final JsonNode otherwise;
  private final boolean strict;

  TableConverter(String rule, String tableName, Map<String, JsonNode> table, JsonNode otherwise,
      boolean strict) {
    this.rule = rule;
    this.tableName = tableName;
    this.table = Map.copyOf(table);
    this.otherwise = otherwise;
    this.strict = strict;
  }

  @Override
  public JsonNode convert(JsonNode value, JsonNode source, Ctx ctx, String path) {
    String key = Values.scalarText(value);
    if (key == null) {
      ctx.sourceError(path, rule, "expected a code, not a container", value);
      return null;
    }
    JsonNode mapped = table.get(key);
    if (mapped != null) {
      return mapped;
    }
    if (otherwise != null) {
      return otherwise;
    }
    if (strict) {
      ctx.sourceError(path, rule, "unknown value" + (tableName.isEmpty() ? "" : " in table '"
          + tableName + "'"), value);
      return null;
    }
    return value;
  }
}
