package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.store.KeyMap;
import java.util.Map;

/** What rules may refer to by name or need at compile time: tables, functions, key map, rates. */
final class BuildContext {
  private final Map<String, Map<String, JsonNode>> tables;
  private final MappingFunctions functions;
  private final KeyMap keyMap;
  private final RateProvider rates;

  BuildContext(Map<String, Map<String, JsonNode>> tables, MappingFunctions functions, KeyMap keyMap,
      RateProvider rates) {
    this.tables = tables;
    this.functions = functions;
    this.keyMap = keyMap;
    this.rates = rates;
  }

  Map<String, JsonNode> table(String name) {
    Map<String, JsonNode> table = tables.get(name);
    if (table == null) {
      throw new IllegalArgumentException("unknown lookup table '" + name + "' (known: "
          + new java.util.TreeSet<>(tables.keySet()) + ")");
    }
    return table;
  }

  MappingFunction function(String name) {
    return functions.get(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown function '" + name + "' (registered: "
            + new java.util.TreeSet<>(functions.names()) + ")"));
  }

  KeyMap keyMap() {
    if (keyMap == null) {
      throw new IllegalArgumentException("a crossRef rule needs a KeyMap: set keyMap(...)");
    }
    return keyMap;
  }

  RateProvider rates() {
    if (rates == null) {
      throw new IllegalArgumentException("a currency rule needs a RateProvider: set rates(...)");
    }
    return rates;
  }
}
