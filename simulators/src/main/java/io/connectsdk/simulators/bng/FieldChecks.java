package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Field checks that collect problems by field path ({@code lines[0].sku}); absent or null passes. */
final class FieldChecks {
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,6})?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  final Map<String, String> problems;

  FieldChecks(Map<String, String> problems) {
    this.problems = problems;
  }

  static boolean present(JsonNode record, String field) {
    JsonNode v = record.get(field);
    return v != null && !v.isNull();
  }

  void required(JsonNode record, String path, String field) {
    JsonNode v = record.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      problems.putIfAbsent(path + field, "is required");
    }
  }

  void text(JsonNode record, String path, String field) {
    if (present(record, field) && !record.get(field).isTextual()) {
      problems.putIfAbsent(path + field, "must be a string");
    }
  }

  void bool(JsonNode record, String field) {
    if (present(record, field) && !record.get(field).isBoolean()) {
      problems.putIfAbsent(field, "must be a boolean");
    }
  }

  void object(JsonNode record, String field) {
    if (present(record, field) && !record.get(field).isObject()) {
      problems.putIfAbsent(field, "must be an object");
    }
  }

  /** A decimal string such as {@code "5000.00"}; returns its value or null. */
  BigDecimal decimal(JsonNode record, String path, String field) {
    if (!present(record, field)) {
      return null;
    }
    JsonNode v = record.get(field);
    if (!v.isTextual() || !DECIMAL.matcher(v.asText()).matches()) {
      problems.putIfAbsent(path + field, "must be a decimal string");
      return null;
    }
    return new BigDecimal(v.asText());
  }

  void integer(JsonNode record, String path, String field, long min) {
    if (present(record, field)
        && (!record.get(field).isIntegralNumber() || record.get(field).asLong() < min)) {
      problems.putIfAbsent(path + field, "must be an integer >= " + min);
    }
  }

  void positiveNumber(JsonNode record, String path, String field) {
    if (present(record, field)
        && (!record.get(field).isNumber() || record.get(field).decimalValue().signum() <= 0)) {
      problems.putIfAbsent(path + field, "must be a positive number");
    }
  }

  void oneOf(JsonNode record, String field, Set<String> allowed) {
    if (present(record, field) && !allowed.contains(record.get(field).asText())) {
      problems.putIfAbsent(field, "must be one of " + new java.util.TreeSet<>(allowed));
    }
  }

  void email(JsonNode record, String field) {
    if (present(record, field) && !EMAIL.matcher(record.get(field).asText()).matches()) {
      problems.putIfAbsent(field, "is invalid");
    }
  }

  void currency(JsonNode record, String field) {
    if (present(record, field) && !CURRENCY.matcher(record.get(field).asText()).matches()) {
      problems.putIfAbsent(field, "must be an ISO 4217 code");
    }
  }

  void stringMap(JsonNode record, String field) {
    if (!present(record, field)) {
      return;
    }
    JsonNode v = record.get(field);
    if (!v.isObject()) {
      problems.putIfAbsent(field, "must be an object of strings");
      return;
    }
    v.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        problems.putIfAbsent(field + "." + e.getKey(), "must be a string");
      }
    });
  }

  /** The elements of an array field as objects; problems for a non-array or non-object element. */
  Iterable<ObjectNode> objects(JsonNode record, String field, boolean required) {
    JsonNode v = record.get(field);
    java.util.List<ObjectNode> out = new java.util.ArrayList<>();
    if (v == null || v.isNull()) {
      if (required) {
        problems.putIfAbsent(field, "is required");
      }
      return out;
    }
    if (!v.isArray() || (required && v.isEmpty())) {
      problems.putIfAbsent(field, required ? "must be a non-empty array" : "must be an array");
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      if (v.get(i) instanceof ObjectNode o) {
        out.add(o);
      } else {
        problems.putIfAbsent(field + "[" + i + "]", "must be an object");
      }
    }
    return out;
  }
}
