package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connectsdk.core.Json;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Small helpers over JSON values shared by the rules, and the bounds every value a mapping reads as
 * a number or writes must keep (see the package README): numbers have at most {@value #MAX_DIGITS}
 * digits before and {@value #MAX_DIGITS} after the decimal point as written, and text holds no
 * unpaired surrogate and no control character other than tab, line feed and carriage return.
 */
final class Values {
  /** Decimals beyond this many integer or fraction digits are refused, so no input can blow up. */
  static final int MAX_DIGITS = 60;
  /** The bit length of the largest unscaled value within the bounds (10^120 needs 399 bits). */
  private static final int MAX_UNSCALED_BITS = 400;
  /** The longest numeric text read: digits, sign, point and an exponent. */
  private static final int MAX_NUMBER_TEXT = 2 * MAX_DIGITS + 16;

  private Values() {}

  /** True for null, JSON null, missing, or text that is empty or whitespace. */
  static boolean isBlank(JsonNode v) {
    // instanceof rather than virtual is*() calls: hot and polymorphic (see Path#peek)
    return v == null || v instanceof NullNode || v instanceof MissingNode
        || (v instanceof TextNode t && t.textValue().isBlank());
  }

  /**
   * The text form of a scalar as conditions, tables and validations see it, or null for a
   * container: text as is, numbers as Jackson prints them (never expanded, so any size is safe).
   */
  static String scalarText(JsonNode v) {
    if (v instanceof TextNode t) {
      return t.textValue();
    }
    return v instanceof ContainerNode<?> ? null : v.asText();
  }

  /**
   * The text a text conversion works on: text as is, a number in plain decimal ({@code 1E+3} is
   * {@code "1000"}), a boolean as {@code true}/{@code false}; null for a container or a number out
   * of bounds (see {@link #numberProblem}).
   */
  static String asText(JsonNode v) {
    if (v instanceof TextNode t) {
      return t.textValue();
    }
    if (v.isNumber()) {
      if (v.isIntegralNumber() && v.canConvertToLong()) {
        return Long.toString(v.longValue());
      }
      if (numberProblem(v) != null) {
        return null;
      }
      BigDecimal d = v.decimalValue();
      return d.signum() == 0 ? "0" : d.toPlainString();
    }
    return v instanceof ContainerNode<?> ? null : v.asText();
  }

  /** How an offending value is shown in a field error: empty if missing, text as is, else JSON. */
  static String describe(JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return "";
    }
    return v.isTextual() ? v.textValue() : Preview.of(v);
  }

  /**
   * The exact decimal of a number or numeric text for comparisons, or null if it is neither or out
   * of bounds.
   */
  static BigDecimal comparable(JsonNode v) {
    if (v instanceof IntNode || v instanceof LongNode) {
      return v.decimalValue();
    }
    return decimal(v);
  }

  /**
   * The exact decimal of a number or numeric text, or null if it is neither or is out of bounds
   * (never via double). Numeric text is ASCII only ({@code [+-]digits[.digits][e[+-]digits]}), so
   * Arabic-Indic or full-width digits are not a number.
   */
  static BigDecimal decimal(JsonNode v) {
    BigDecimal d;
    if (v.isNumber()) {
      try {
        d = v.decimalValue();
      } catch (NumberFormatException e) { // NaN or infinity
        return null;
      }
    } else if (v.isTextual()) {
      String s = v.textValue().strip();
      if (s.isEmpty() || s.length() > MAX_NUMBER_TEXT || !asciiNumber(s)) {
        return null;
      }
      try {
        d = new BigDecimal(s);
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return decimalProblem(d) == null ? d : null;
  }

  /** Only the characters of an ASCII decimal; BigDecimal itself decides the syntax. */
  private static boolean asciiNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e'
          || c == 'E';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Why a number node is out of bounds, or null if it is within them. */
  static String numberProblem(JsonNode n) {
    if (n instanceof IntNode || n instanceof LongNode || n instanceof ShortNode) {
      return null;
    }
    if ((n instanceof DoubleNode || n instanceof FloatNode) && !Double.isFinite(n.doubleValue())) {
      return "not a finite number";
    }
    BigDecimal d;
    try {
      d = n.decimalValue();
    } catch (NumberFormatException e) {
      return "not a finite number";
    }
    return decimalProblem(d);
  }

  /** Why a decimal is out of bounds, or null; cheap for any input (no expansion). */
  static String decimalProblem(BigDecimal d) {
    int scale = d.scale();
    if (scale > MAX_DIGITS || scale < -MAX_DIGITS
        || d.unscaledValue().bitLength() > MAX_UNSCALED_BITS
        || d.precision() - scale > MAX_DIGITS) {
      return "number out of bounds (at most " + MAX_DIGITS + " digits before and after the"
          + " decimal point)";
    }
    return null;
  }

  /**
   * Why a text is refused, or null: an unpaired UTF-16 surrogate, or a control character other
   * than tab, line feed and carriage return (U+0000-U+001F, U+007F-U+009F).
   */
  static String textProblem(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        if (c != '\t' && c != '\n' && c != '\r') {
          return control(c, i);
        }
      } else if (c >= 0x7f && c <= 0x9f) {
        return control(c, i);
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return "unpaired surrogate U+" + hex(c) + " at index " + i;
        }
      }
    }
    return null;
  }

  private static String control(char c, int at) {
    return "control character U+" + hex(c) + " at index " + at;
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }
  /**
   * A JSON node for a Java value: String, BigDecimal/BigInteger/Integer/Long, Boolean or JsonNode.
   *
   * @throws IllegalArgumentException for another type, or a number or tree out of bounds
   */
  static JsonNode node(Object value) {
    if (value == null) {
      return Json.nodes().nullNode();
    }
    if (value instanceof JsonNode n) {
      String problem = OutputCheck.problem(n);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      return n.deepCopy();
    }
    if (value instanceof String s) {
      return Json.nodes().textNode(s);
    }
    if (value instanceof BigDecimal d) {
      String problem = decimalProblem(d);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      return Json.nodes().numberNode(d);
    }
    if (value instanceof BigInteger i) {
      String problem = decimalProblem(new BigDecimal(i));
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      return Json.nodes().numberNode(i);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      // the same node types the JSON parser makes, so Java and JSON definitions compare equal
      long l = ((Number) value).longValue();
      return l == (int) l ? Json.nodes().numberNode((int) l) : Json.nodes().numberNode(l);
    }
    if (value instanceof Boolean b) {
      return Json.nodes().booleanNode(b);
    }
    throw new IllegalArgumentException(
        "unsupported value type " + value.getClass().getSimpleName()
            + " (use String, BigDecimal, BigInteger, Integer, Long, Boolean or JsonNode)");
  }
}
