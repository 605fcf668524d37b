package io.connectsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.mapping.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a careful hand-written transform does besides copying: text helpers and the target-field
 * checks (required, maxLength, precompiled pattern, range), reporting {@link FieldError}s with the
 * same path, rule and message as the compiled mapping so both can be compared. One instance per
 * record; not thread-safe.
 */
final class Checks {
  private List<FieldError> errors;

  /** The errors so far, or null if there were none. */
  List<FieldError> errors() {
    return errors;
  }

  void error(String path, String rule, String message, JsonNode value) {
    if (errors == null) {
      errors = new ArrayList<>(4);
    }
    errors.add(new FieldError(path, rule, message, describe(value)));
  }

  /** The field must be present and not blank; returns the value or null. */
  JsonNode required(String path, JsonNode v) {
    if (blank(v)) {
      error(path, "required", "is required", v);
      return null;
    }
    return v;
  }

  /** Text no longer than {@code max} code points; a blank or missing value passes. */
  void maxLength(String path, JsonNode v, int max) {
    if (blank(v)) {
      return;
    }
    String text = v.asText();
    if (text.length() > max && text.codePointCount(0, text.length()) > max) {
      error(path, "maxLength", "longer than " + max + " characters", v);
    }
  }

  void pattern(String path, JsonNode v, Pattern pattern) {
    if (!blank(v) && !pattern.matcher(v.asText()).matches()) {
      error(path, "pattern", "does not match " + pattern.pattern(), v);
    }
  }

  /** The number lies within [min, max]; a null bound is open. */
  void range(String path, JsonNode v, BigDecimal min, BigDecimal max) {
    if (blank(v)) {
      return;
    }
    BigDecimal d = v.isNumber() ? v.decimalValue() : decimal(v);
    if (d == null) {
      error(path, "range", "not a number", v);
    } else if ((min != null && d.compareTo(min) < 0) || (max != null && d.compareTo(max) > 0)) {
      error(path, "range", "outside [" + (min == null ? "" : min.toPlainString()) + ", "
          + (max == null ? "" : max.toPlainString()) + "]", v);
    }
  }

  static boolean blank(JsonNode v) {
    return v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank());
  }

  /** The text of a present, non-null field, or null. */
  static String text(JsonNode v) {
    return v == null || v.isNull() ? null : v.asText();
  }

  /** A number or numeric text as an exact decimal, or null. */
  static BigDecimal decimal(JsonNode v) {
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (!v.isTextual()) {
      return null;
    }
    String s = v.textValue().strip();
    if (s.isEmpty() || s.length() > 120) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
  }

  private static String describe(JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return "";
    }
    return v.isTextual() ? v.textValue() : v.toString();
  }
}
