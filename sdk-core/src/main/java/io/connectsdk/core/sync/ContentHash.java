package io.connectsdk.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * SHA-256 of a canonical JSON form: object keys sorted, numbers as plain decimals with trailing
 * zeros stripped (so {@code 5}, {@code 5.0} and {@code 5.00} hash alike), strings JSON-escaped.
 * Field order and number formatting of the source therefore never cause a spurious write.
 *
 * <p>Runs once per record on the engine's hot path, so the canonical form is written as UTF-8
 * straight into a per-thread buffer that is digested once (no intermediate strings), and the digest
 * is reused per thread.
 */
final class ContentHash {
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<Canonical> CANONICAL = ThreadLocal.withInitial(Canonical::new);

  private ContentHash() {}

  /** The hex SHA-256 of the canonical form of {@code node}. */
  static String of(JsonNode node) {
    Canonical c = CANONICAL.get();
    c.reset();
    c.write(node);
    return c.digest();
  }

  /** The hex SHA-256 of the parts joined with a separator that cannot occur in them. */
  static String ofParts(String... parts) {
    Canonical c = CANONICAL.get();
    c.reset();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        c.put((byte) 0);
      }
      c.utf8(parts[i]);
    }
    return c.digest();
  }

  /** The canonical form as text (for tests and diagnostics). */
  static String canonical(JsonNode node) {
    Canonical c = CANONICAL.get();
    c.reset();
    c.write(node);
    return new String(c.bytes(), StandardCharsets.UTF_8);
  }

  /** True if both nodes have the same canonical form. */
  static boolean sameContent(JsonNode a, JsonNode b) {
    Canonical c = CANONICAL.get();
    c.reset();
    c.write(a);
    byte[] first = c.bytes();
    c.reset();
    c.write(b);
    return Arrays.equals(first, c.bytes());
  }

  /** Lower-case hex of {@code bytes}. */
  static String hex(byte[] bytes) {
    byte[] out = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** A growable UTF-8 buffer that writes the canonical form, and the digest to hash it with. */
  private static final class Canonical {
    private final MessageDigest sha256;
    private byte[] buf = new byte[1024];
    private char[] chars = new char[256];
    private int len;
    /** Scratch arrays and remembered key orders per nesting depth. */
    private Level[] levels = new Level[4];
    private int depth;

    Canonical() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required by every Java platform", e);
      }
    }

    void reset() {
      len = 0;
      depth = 0;
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, len);
    }

    String digest() {
      sha256.reset();
      sha256.update(buf, 0, len);
      return hex(sha256.digest());
    }

    void write(JsonNode node) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        ascii("null");
      } else if (node.isObject()) {
        writeObject(node);
      } else if (node.isArray()) {
        put((byte) '[');
        Iterator<JsonNode> it = node.elements();
        boolean first = true;
        while (it.hasNext()) {
          if (!first) {
            put((byte) ',');
          }
          first = false;
          write(it.next());
        }
        put((byte) ']');
      } else if (node.isIntegralNumber() && node.canConvertToLong()) {
        // ints and longs print exactly as their plain decimal without a BigDecimal
        ascii(Long.toString(node.longValue()));
      } else if (node.isNumber()) {
        // throws NumberFormatException for NaN and infinities: the caller rejects the record
        BigDecimal d = node.decimalValue().stripTrailingZeros();
        ascii(d.signum() == 0 ? "0" : d.toPlainString());
      } else if (node.isBoolean()) {
        ascii(node.booleanValue() ? "true" : "false");
      } else if (node.isTextual()) {
        string(node.textValue());
      } else {
        // binary and POJO nodes: their text form is stable
        string(node.asText());
      }
    }

    private void writeObject(JsonNode node) {
      int n = node.size();
      Level level = level(depth, n);
      String[] names = level.names;
      JsonNode[] values = level.values;
      int i = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); i++) {
        Map.Entry<String, JsonNode> e = it.next();
        names[i] = e.getKey();
        values[i] = e.getValue();
      }
      int[] order = level.shapes.order(names, n);
      depth++;
      put((byte) '{');
      for (i = 0; i < n; i++) {
        if (i > 0) {
          put((byte) ',');
        }
        int k = order[i];
        string(names[k]);
        put((byte) ':');
        write(values[k]);
      }
      put((byte) '}');
      depth--;
      // drop the references, so the buffers keep no record alive between calls
      Arrays.fill(values, 0, n, null);
    }

    private Level level(int d, int n) {
      if (d == levels.length) {
        levels = Arrays.copyOf(levels, d * 2);
      }
      Level level = levels[d];
      if (level == null) {
        level = levels[d] = new Level();
      }
      level.ensure(n);
      return level;
    }

    /** A JSON string literal with the escapes of RFC 8259 (quote, backslash, controls). */
    private void string(String s) {
      int n = s.length();
      ensure(n + 2);
      if (n > chars.length) {
        chars = new char[Math.max(n, chars.length * 2)];
      }
      char[] in = chars;
      s.getChars(0, n, in, 0); // a bulk copy: far cheaper than charAt per character
      byte[] out = buf;
      int at = len;
      out[at++] = '"';
      // the common case: printable ASCII copied in one pass; anything else from where it starts
      for (int i = 0; i < n; i++) {
        char c = in[i];
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
          len = at;
          escaped(s, i);
          put((byte) '"');
          return;
        }
        out[at++] = (byte) c;
      }
      out[at++] = '"';
      len = at;
    }

    private void escaped(String s, int from) {
      int start = from;
      for (int i = from; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\' || c < 0x20) {
          utf8(s, start, i);
          put((byte) '\\');
          switch (c) {
            case '"' -> put((byte) '"');
            case '\\' -> put((byte) '\\');
            case '\n' -> put((byte) 'n');
            case '\r' -> put((byte) 'r');
            case '\t' -> put((byte) 't');
            case '\b' -> put((byte) 'b');
            case '\f' -> put((byte) 'f');
            default -> ascii(String.format("u%04x", (int) c));
          }
          start = i + 1;
        }
      }
      utf8(s, start, s.length());
    }

    void utf8(String s) {
      utf8(s, 0, s.length());
    }

    private void utf8(String s, int from, int to) {
      if (from == to) {
        return;
      }
      boolean ascii = true;
      for (int i = from; i < to; i++) {
        if (s.charAt(i) >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
          buf[len++] = (byte) s.charAt(i);
        }
      } else {
        byte[] b = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
      }
    }

    private void ascii(String s) {
      utf8(s, 0, s.length());
    }

    void put(byte b) {
      ensure(1);
      buf[len++] = b;
    }

    private void ensure(int extra) {
      if (len + extra > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
      }
    }
  }

  /** Per nesting depth: the arrays an object's fields are gathered into, and its key orders. */
  private static final class Level {
    final KeyOrders shapes = new KeyOrders();
    String[] names = new String[16];
    JsonNode[] values = new JsonNode[16];

    void ensure(int n) {
      if (n > names.length) {
        names = new String[Math.max(n, names.length * 2)];
        values = new JsonNode[names.length];
      }
    }
  }
}
