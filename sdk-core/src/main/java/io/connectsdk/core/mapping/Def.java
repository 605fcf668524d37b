package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** One object of a mapping document with its JSON path, for typed reads that say where on error. */
final class Def {
  private final JsonNode node;
  private final String path;

  Def(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** Wraps an element that must be an object. */
  static Def object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new MappingDefinitionException(path, "expected an object");
    }
    return new Def(node, path);
  }

  JsonNode node() {
    return node;
  }

  String path() {
    return path;
  }

  String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return node.has(key);
  }

  JsonNode raw(String key) {
    return node.get(key);
  }

  MappingDefinitionException error(String key, String reason) {
    return new MappingDefinitionException(at(key), reason);
  }

  /** Rejects keys outside the allowed set, so a typo is an error instead of a silent no-op. */
  void onlyKeys(Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw error(key, "unknown key (allowed: " + new java.util.TreeSet<>(allowed) + ")");
      }
    }
  }

  String text(String key) {
    JsonNode v = node.get(key);
    if (v == null) {
      throw error(key, "is required");
    }
    if (!v.isTextual() || v.textValue().isEmpty()) {
      throw error(key, "expected a non-empty string");
    }
    return v.textValue();
  }

  String optText(String key) {
    return node.has(key) ? text(key) : null;
  }

  boolean bool(String key, boolean orElse) {
    JsonNode v = node.get(key);
    if (v == null) {
      return orElse;
    }
    if (!v.isBoolean()) {
      throw error(key, "expected true or false");
    }
    return v.booleanValue();
  }

  int integer(String key, int orElse) {
    JsonNode v = node.get(key);
    if (v == null) {
      return orElse;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw error(key, "expected an integer");
    }
    return v.intValue();
  }

  BigDecimal decimal(String key) {
    JsonNode v = node.get(key);
    if (v == null) {
      return null;
    }
    BigDecimal d = Values.decimal(v);
    if (d == null) {
      throw error(key, "expected a number or numeric string");
    }
    return d;
  }

  /** A scalar (string, number, boolean) or any JSON value when {@code anyJson}. */
  JsonNode value(String key) {
    JsonNode v = node.get(key);
    if (v == null) {
      throw error(key, "is required");
    }
    if (v.isNull()) {
      throw error(key, "must not be null");
    }
    return v;
  }

  List<String> texts(String key) {
    JsonNode v = node.get(key);
    if (v == null) {
      throw error(key, "is required");
    }
    if (!v.isArray() || v.isEmpty()) {
      throw error(key, "expected a non-empty array of strings");
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual() || e.textValue().isEmpty()) {
        throw new MappingDefinitionException(at(key) + "[" + i + "]", "expected a non-empty string");
      }
      out.add(e.textValue());
    }
    return out;
  }

  Def child(String key) {
    JsonNode v = node.get(key);
    if (v == null) {
      throw error(key, "is required");
    }
    return object(v, at(key));
  }
}
