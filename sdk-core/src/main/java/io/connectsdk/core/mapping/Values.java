package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connectsdk.core.Json;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Small helpers over JSON values shared by the rules. */
final class Values {
  /** Decimals beyond this many integer or fraction digits are rejected, so no input can blow up. */
  private static final int MAX_DIGITS = 60;

  private Values() {}

  /** True for null, JSON null, missing, or text that is empty or whitespace. */
  static boolean isBlank(JsonNode v) {
    // instanceof rather than virtual is*() calls: hot and polymorphic (see Path#peek)
    return v == null || v instanceof NullNode || v instanceof MissingNode
        || (v instanceof TextNode t && t.textValue().isBlank());
  }

  /** The text form of a scalar, or null for a container. */
  static String scalarText(JsonNode v) {
    if (v instanceof TextNode t) {
      return t.textValue();
    }
    return v instanceof ContainerNode<?> ? null : v.asText();
  }

  /** How an offending value is shown in a field error: empty if missing, text as is, else JSON. */
  static String describe(JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return "";
    }
    return v.isTextual() ? v.textValue() : v.toString();
  }

  /**
   * The exact decimal of a number or numeric text for comparisons, or null; numbers of any size
   * are accepted since comparing them is cheap.
   */
  static BigDecimal comparable(JsonNode v) {
    if (v instanceof DecimalNode || v instanceof IntNode || v instanceof LongNode) {
      return v.decimalValue();
    }
    return decimal(v);
  }

  /**
   * The exact decimal of a number or numeric text, or null if it is neither (never via double).
   * Values with more than 60 integer or fraction digits are refused so rescaling stays cheap.
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
      String s = v.textValue().trim();
      if (s.isEmpty() || s.length() > 2 * MAX_DIGITS) {
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
    return d.scale() > MAX_DIGITS || d.precision() - d.scale() > MAX_DIGITS ? null : d;
  }

  /** A JSON node for a Java value: String, BigDecimal/BigInteger/Integer/Long, Boolean or JsonNode. */
  static JsonNode node(Object value) {
    if (value == null) {
      return Json.nodes().nullNode();
    }
    if (value instanceof JsonNode n) {
      return n.deepCopy();
    }
    if (value instanceof String s) {
      return Json.nodes().textNode(s);
    }
    if (value instanceof BigDecimal d) {
      return Json.nodes().numberNode(d);
    }
    if (value instanceof BigInteger i) {
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
