package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * A short JSON-like preview of a value for field errors: at most about {@value #BUDGET} characters,
 * however large or deeply nested the value is (each nesting level costs a character, so the walk
 * stops long before the stack could overflow), and large numbers are never expanded.
 */
final class Preview {
  private static final int BUDGET = 201;

  private final StringBuilder out = new StringBuilder(64);

  private Preview() {}

  static String of(JsonNode v) {
    Preview p = new Preview();
    p.write(v);
    return p.out.length() > BUDGET ? p.out.substring(0, BUDGET) : p.out.toString();
  }

  private boolean full() {
    return out.length() > BUDGET;
  }

  private void write(JsonNode v) {
    if (full()) {
      return;
    }
    if (v.isObject()) {
      out.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext() && !full(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!first) {
          out.append(',');
        }
        first = false;
        text(e.getKey());
        out.append(':');
        write(e.getValue());
      }
      out.append('}');
    } else if (v.isArray()) {
      out.append('[');
      for (int i = 0; i < v.size() && !full(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(v.get(i));
      }
      out.append(']');
    } else if (v.isTextual()) {
      text(v.textValue());
    } else if (v.isBigInteger() && v.bigIntegerValue().bitLength() > 1000) {
      BigInteger b = v.bigIntegerValue();
      out.append(b.signum() < 0 ? "-" : "").append("<integer of ").append(b.bitLength())
          .append(" bits>");
    } else if (v.isBigDecimal() && v.decimalValue().unscaledValue().bitLength() > 1000) {
      out.append("<decimal of ").append(v.decimalValue().unscaledValue().bitLength())
          .append(" bits>");
    } else {
      out.append(v.asText()); // numbers in scientific form when large: never expanded
    }
  }

  private void text(String s) {
    out.append('"');
    int end = Math.min(s.length(), BUDGET);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
