package io.connectsdk.http;

import java.util.regex.Pattern;

/**
 * Cleans server text before it reaches an exception, a log or the dead-letter queue: credentials
 * are masked (Authorization values, Basic/Bearer tokens, {@code password=}/{@code token:} style
 * pairs) and the text is cut to about 1 KB. Stateless and thread-safe.
 */
public final class Redactor {
  /** Longest text kept, in characters. */
  public static final int MAX_CHARS = 1024;

  private static final Pattern SCHEME_TOKEN =
      Pattern.compile("(?i)\\b(basic|bearer|digest|negotiate)\\s+[A-Za-z0-9._~+/=\\-]{4,}");
  private static final Pattern PAIR = Pattern.compile(
      "(?i)(\"?(?:authorization|proxy-authorization|password|passwd|pwd|secret|client_secret"
          + "|access_token|refresh_token|token|api[_-]?key|x-api-key|cookie|set-cookie)\"?"
          + "\\s*[:=]\\s*\"?)([^\"&,;\\s}]+(?:\\s+[^\"&,;\\s}]+)?)");

  private Redactor() {}

  /** {@code text} with credentials masked and cut to {@link #MAX_CHARS}; "" for null. */
  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    String t = text.length() > 4 * MAX_CHARS ? text.substring(0, 4 * MAX_CHARS) : text;
    t = SCHEME_TOKEN.matcher(t).replaceAll("$1 ***");
    t = PAIR.matcher(t).replaceAll("$1***");
    if (t.length() > MAX_CHARS || text.length() > t.length() && text.length() > 4 * MAX_CHARS) {
      t = t.substring(0, Math.min(t.length(), MAX_CHARS)) + "... (" + text.length() + " chars)";
    }
    return t;
  }

  /** {@link #clean(String)}, also masking each given secret value wherever it appears. */
  public static String clean(String text, Iterable<String> secrets) {
    String t = text == null ? "" : text;
    for (String s : secrets) {
      if (s != null && s.length() >= 3) {
        t = t.replace(s, "***");
      }
    }
    return clean(t);
  }
}
