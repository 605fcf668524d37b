package io.connectsdk.core.sync;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * SHA-256 of a canonical JSON form: object keys sorted, numbers as plain decimals with trailing
 * zeros stripped (so {@code 5}, {@code 5.0} and {@code 5.00} hash alike), strings JSON-escaped.
 * Field order and number formatting of the source therefore never cause a spurious write.
 */
final class ContentHash {
  private ContentHash() {}

  /** The hex SHA-256 of the canonical form of {@code node}. */
  static String of(JsonNode node) {
    StringBuilder sb = new StringBuilder(256);
    canonical(node, sb);
    return sha256(sb.toString());
  }

  /** The hex SHA-256 of the parts joined with a separator that cannot occur in them. */
  static String ofParts(String... parts) {
    return sha256(String.join("\u0000", parts));
  }

  /** True if both nodes have the same canonical form. */
  static boolean sameContent(JsonNode a, JsonNode b) {
    StringBuilder x = new StringBuilder();
    StringBuilder y = new StringBuilder();
    canonical(a, x);
    canonical(b, y);
    return x.toString().contentEquals(y);
  }

  static void canonical(JsonNode node, StringBuilder sb) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      sb.append("null");
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      sb.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        string(names.get(i), sb);
        sb.append(':');
        canonical(node.get(names.get(i)), sb);
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      Iterator<JsonNode> it = node.elements();
      boolean first = true;
      while (it.hasNext()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        canonical(it.next(), sb);
      }
      sb.append(']');
    } else if (node.isNumber()) {
      BigDecimal d = node.decimalValue().stripTrailingZeros();
      sb.append(d.signum() == 0 ? "0" : d.toPlainString());
    } else if (node.isBoolean()) {
      sb.append(node.booleanValue());
    } else if (node.isTextual()) {
      string(node.textValue(), sb);
    } else {
      // binary and POJO nodes: their text form is stable
      string(node.asText(), sb);
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, sb);
    sb.append('"');
  }

  private static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
