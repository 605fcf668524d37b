package io.connectsdk.sage300;

import io.connectsdk.core.CompositeKey;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * OData text for the Sage 300 Web API: literals, key predicates and filter expressions. Every
 * value that comes from data goes through {@link #literal}; field names come from the resource
 * table, never from data.
 */
final class OData {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,18}");

  private OData() {}

  /** A string literal: single-quoted, an inner quote doubled ({@code 'O''Brien'}). */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** A numeric literal, checked so that no text from data can escape into the expression. */
  static String number(String value) {
    if (!NUMBER.matcher(value).matches()) {
      throw new IllegalArgumentException("not an integer key value: " + value);
    }
    return value;
  }

  static String value(String value, boolean numeric) {
    return numeric ? number(value) : literal(value);
  }

  /**
   * A date as a filter literal: {@code 2026-04-01T00:00:00Z} (OData v4, as in Sage's Postman
   * collection) or {@code datetime'2026-04-01T00:00:00'} (v3, as in the SDK reference).
   */
  static String date(LocalDate day, boolean legacyDatetime) {
    return legacyDatetime ? "datetime'" + day + "T00:00:00'" : day + "T00:00:00Z";
  }

  /**
   * The key predicate of one record: {@code ('1200')}, {@code (66)} or
   * {@code (BatchRecordType='CA',BatchNumber=65)}. A composite id is a {@link CompositeKey}
   * encoding whose part names must be exactly the resource's key parts.
   *
   * @throws IllegalArgumentException if the id does not fit the resource's key
   */
  static String keyPredicate(List<KeyPart> key, String id) {
    if (key.size() == 1) {
      return "(" + value(id, key.get(0).numeric()) + ")";
    }
    CompositeKey parsed = CompositeKey.parse(id);
    if (parsed.parts().size() != key.size()) {
      throw new IllegalArgumentException("expected key parts " + names(key) + " in id " + id);
    }
    StringBuilder sb = new StringBuilder("(");
    for (KeyPart part : key) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(part.name()).append('=').append(value(parsed.get(part.name()), part.numeric()));
    }
    return sb.append(')').toString();
  }

  /** {@code Field eq literal}. */
  static String eq(String field, String value, boolean numeric) {
    return field + " eq " + value(value, numeric);
  }

  private static List<String> names(List<KeyPart> key) {
    return key.stream().map(KeyPart::name).toList();
  }

  /** Adds an OData system query option ({@code $filter}, {@code $top}) with its name unencoded. */
  static okhttp3.HttpUrl.Builder option(okhttp3.HttpUrl.Builder url, String name, String value) {
    return url.addEncodedQueryParameter(name, java.net.URLEncoder.encode(value,
        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
  }
}
