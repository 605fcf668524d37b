package io.connectsdk.simulators.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Typed values of filter evaluation and their comparison rules. */
final class ODataValues {
  private ODataValues() {}

  /**
   * Parses {@code 2015-12-31T12:00}, {@code 2016-12-31T12:00:00Z}, offsets and bare dates; a value
   * without an offset is taken as UTC (the ERP stores dates without zones).
   */
  static Instant parseDateTime(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
        return OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw SageError.invalidParameters("'" + text + "' is not a valid datetime.");
    }
  }

  /** A stored JSON value as String, BigDecimal, Boolean or null. */
  static Object fromJson(JsonNode node, String field) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    throw SageError.invalidParameters("The property '" + field + "' is a collection or object "
        + "and cannot be used in $filter.");
  }

  /** Applies eq ne gt ge lt le with OData null semantics. */
  static boolean compare(String op, Object left, Object right) {
    if (left == null || right == null) {
      boolean bothNull = left == null && right == null;
      return switch (op) {
        case "eq" -> bothNull;
        case "ne" -> !bothNull;
        default -> false;
      };
    }
    int c = compareValues(op, left, right);
    return switch (op) {
      case "eq" -> c == 0;
      case "ne" -> c != 0;
      case "gt" -> c > 0;
      case "ge" -> c >= 0;
      case "lt" -> c < 0;
      case "le" -> c <= 0;
      default -> throw new IllegalArgumentException("not a comparison: " + op);
    };
  }

  private static int compareValues(String op, Object left, Object right) {
    if (left instanceof Instant || right instanceof Instant) {
      return asInstant(left).compareTo(asInstant(right));
    }
    if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
      return a.compareTo(b);
    }
    if (left instanceof String a && right instanceof String b) {
      return a.compareTo(b);
    }
    if (left instanceof Boolean a && right instanceof Boolean b) {
      return Boolean.compare(a, b);
    }
    throw SageError.invalidParameters("The operator '" + op + "' cannot compare "
        + typeName(left) + " with " + typeName(right) + ".");
  }

  private static Instant asInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof String s) {
      return parseDateTime(s);
    }
    throw SageError.invalidParameters("A datetime cannot be compared with " + typeName(value) + ".");
  }

  static String typeName(Object value) {
    if (value instanceof String) {
      return "Edm.String";
    }
    if (value instanceof BigDecimal) {
      return "Edm.Decimal";
    }
    if (value instanceof Instant) {
      return "Edm.DateTime";
    }
    if (value instanceof Boolean) {
      return "Edm.Boolean";
    }
    return "null";
  }
}
