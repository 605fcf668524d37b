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
 * The SDK's one SHA-256 helper: of a canonical JSON form (content hashes), of text, of bytes.
 *
 * <p>The canonical form: object keys sorted, numbers as plain decimals with trailing zeros stripped
 * (so {@code 5}, {@code 5.0} and {@code 5.00} hash alike), strings JSON-escaped. Field order and
 * number formatting of the source therefore never cause a spurious write. It is injective over
 * every value a mapping may write and beyond it:
 *
 * <ul>
 *   <li>text is encoded as UTF-8, an unpaired surrogate as its own three bytes (as WTF-8 does,
 *       bytes that valid UTF-8 never holds) instead of {@code ?}, so {@code "abc\uD800"} and
 *       {@code "abc?"} hash differently;
 *   <li>a number too large or too fine to print plainly (more than 1,000 digits before or after
 *       the point, e.g. {@code 1e-999999999}) is written in scientific form ({@code 1E-999999999}),
 *       never expanded, and one with an unscaled value over 4,000 bits is not normalized either;
 * </ul>
 *
 * <p>Runs once per record on the engine's hot path, so the canonical form is written as UTF-8
 * straight into a per-thread buffer that is digested once (no intermediate strings), and the digest
 * is reused per thread. Thread-safe.
 */
public final class ContentHash {
  /** Deeper trees are refused (the JSON parser itself stops at 1,000 levels). */
  public static final int MAX_DEPTH = 1000;
  /** Numbers with more digits than this before or after the point are hashed in scientific form. */
  private static final int MAX_PLAIN_DIGITS = 1000;
  /** Unscaled values longer than this are hashed as they are, without stripping trailing zeros. */
  private static final int MAX_STRIP_BITS = 4000;
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<Canonical> CANONICAL = ThreadLocal.withInitial(Canonical::new);

  private ContentHash() {}

  /**
   * The hex SHA-256 of the canonical form of {@code node}.
   *
   * @throws NumberFormatException if it holds NaN or an infinity
   * @throws UnhashableValueException if it is nested deeper than {@value #MAX_DEPTH} levels
   */
  public static String of(JsonNode node) {
    Canonical c = CANONICAL.get();
    c.reset();
    c.write(node);
    return c.digest();
  }

  /**
   * The hex SHA-256 of the parts joined with a separator (a zero byte); a NUL character inside a
   * part is written as the bytes {@code FF 01}, which UTF-8 never holds, so the join is injective
   * ({@code ("a\0b", "c")} and {@code ("a", "b\0c")} differ) and parts without NUL hash as they
   * always have.
   */
  public static String ofParts(String... parts) {
    Canonical c = CANONICAL.get();
    c.reset();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        c.put((byte) 0);
      }
      c.utf8(parts[i], true);
    }
    return c.digest();
  }

  /**
   * The hex SHA-256 of a text's UTF-8 bytes (an unpaired surrogate as its own three bytes, see
   * above), e.g. to shorten a long reference deterministically.
   */
  public static String ofText(String text) {
    Canonical c = CANONICAL.get();
    c.reset();
    c.utf8(text, false);
    return c.digest();
  }

  /** The hex SHA-256 of raw bytes, e.g. a webhook body. */
  public static String ofBytes(byte[] bytes) {
    Canonical c = CANONICAL.get();
    c.sha256.reset();
    return hex(c.sha256.digest(bytes));
  }

  /**
   * A tree too deep to hash ({@link #MAX_DEPTH}). A mapping never writes one (it stops at 100
   * levels with a field error); a custom mapping might, and the record should then be rejected
   * alone. An {@link IllegalArgumentException}, like the {@link NumberFormatException} for NaN.
   */
  public static final class UnhashableValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnhashableValueException(String message) {
      super(message);
    }
  }

  /** The canonical form as text (for tests and diagnostics; lossy for unpaired surrogates). */
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
        if (depth >= MAX_DEPTH) {
          throw new UnhashableValueException("nested deeper than " + MAX_DEPTH + " levels");
        }
        depth++;
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
        depth--;
      } else if (node.isIntegralNumber() && node.canConvertToLong()) {
        // ints and longs print exactly as their plain decimal without a BigDecimal
        ascii(Long.toString(node.longValue()));
      } else if (node.isNumber()) {
        // throws NumberFormatException for NaN and infinities: the caller rejects the record
        number(node.decimalValue());
      } else if (node.isBoolean()) {
        ascii(node.booleanValue() ? "true" : "false");
      } else if (node.isTextual()) {
        string(node.textValue());
      } else {
        // binary and POJO nodes: their text form is stable
        string(node.asText());
      }
    }

    /**
     * Plain and stripped when that is short; otherwise scientific, which never expands (and, being
     * the same value's exact form, cannot collide with another value's plain form).
     */
    private void number(BigDecimal d) {
      if (d.signum() == 0) {
        ascii("0");
      } else if (d.unscaledValue().bitLength() > MAX_STRIP_BITS) {
        ascii(d.toString());
      } else {
        BigDecimal s = d.stripTrailingZeros();
        boolean plain = Math.abs((long) s.scale()) <= MAX_PLAIN_DIGITS
            && (long) s.precision() - s.scale() <= MAX_PLAIN_DIGITS;
        ascii(plain ? s.toPlainString() : s.toString());
      }
    }

    private void writeObject(JsonNode node) {
      if (depth >= MAX_DEPTH) {
        throw new UnhashableValueException("nested deeper than " + MAX_DEPTH + " levels");
      }
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

    void utf8(String s, boolean escapeNul) {
      utf8(s, 0, s.length(), escapeNul);
    }

    private void utf8(String s, int from, int to) {
      utf8(s, from, to, false);
    }

    /**
     * UTF-8 of {@code s[from, to)}; an unpaired surrogate becomes its own three-byte sequence
     * (never {@code ?}), and with {@code escapeNul} a NUL becomes {@code FF 01}.
     */
    private void utf8(String s, int from, int to, boolean escapeNul) {
      ensure(3 * (to - from));
      byte[] out = buf;
      int at = len;
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          if (c == 0 && escapeNul) {
            out[at++] = (byte) 0xff;
            out[at++] = 1;
          } else {
            out[at++] = (byte) c;
          }
        } else if (c < 0x800) {
          out[at++] = (byte) (0xc0 | (c >> 6));
          out[at++] = (byte) (0x80 | (c & 0x3f));
        } else if (Character.isHighSurrogate(c) && i + 1 < to
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          out[at++] = (byte) (0xf0 | (cp >> 18));
          out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
          out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
          out[at++] = (byte) (0x80 | (cp & 0x3f));
        } else {
          // also an unpaired surrogate: its generalized UTF-8 form, which valid UTF-8 never holds
          out[at++] = (byte) (0xe0 | (c >> 12));
          out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
          out[at++] = (byte) (0x80 | (c & 0x3f));
        }
      }
      len = at;
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
