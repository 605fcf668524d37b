package io.connectsdk.core.mapping.assist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits field names and codes into comparable forms. */
final class Names {
  private Names() {}

  /**
   * Lower-case word tokens of a name in any convention: {@code ZipPostalCode}, {@code
   * postal_code}, {@code e-mail}, {@code AddressLine1} ({@code address, line, 1}).
   */
  static List<String> tokens(String name) {
    List<String> tokens = new ArrayList<>(4);
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(current, tokens);
        continue;
      }
      if (current.length() > 0) {
        char prev = current.charAt(current.length() - 1);
        boolean camel = Character.isUpperCase(c) && Character.isLowerCase(prev);
        boolean acronymEnd = Character.isUpperCase(c) && i + 1 < name.length()
            && Character.isLowerCase(name.charAt(i + 1)) && Character.isUpperCase(prev);
        boolean digitEdge = Character.isDigit(c) != Character.isDigit(prev);
        if (camel || acronymEnd || digitEdge) {
          flush(current, tokens);
        }
      }
      current.append(c);
    }
    flush(current, tokens);
    return tokens;
  }

  /** The tokens run together: {@code ZipPostalCode} and {@code zip_postal_code} both {@code zippostalcode}. */
  static String compact(String name) {
    return String.join("", tokens(name));
  }

  /** Upper case letters and digits only: {@code "tsh-12 b"} becomes {@code "TSH12B"}. */
  static String code(String code) {
    StringBuilder sb = new StringBuilder(code.length());
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString();
  }

  private static void flush(StringBuilder current, List<String> tokens) {
    if (current.length() > 0) {
      tokens.add(current.toString().toLowerCase(Locale.ROOT));
      current.setLength(0);
    }
  }
}
