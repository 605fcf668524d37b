package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A test on a source field that decides whether a rule applies. Values are compared by their text
 * form ({@code 5} equals {@code "5"}); a missing, null or non-scalar field never equals anything.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Rules.constant("Y").to("OnHold").when(Condition.equals("status", "on_hold"))
 * }</pre>
 */
public final class Condition {
  private enum Kind { EQUALS, NOT_EQUALS, PRESENT, ABSENT, MATCHES }

  private final Kind kind;
  private final Path path;
  private final String text;
  private final TextPattern pattern;

  private Condition(Kind kind, String field, String text, TextPattern pattern) {
    this.kind = kind;
    this.path = Path.of(requireNonNull(field, "field"));
    this.text = text;
    this.pattern = pattern;
  }

  /** True when the field's text equals {@code value}. */
  public static Condition equals(String field, String value) {
    return new Condition(Kind.EQUALS, field, requireNonNull(value, "value"), null);
  }

  /** True when the field is missing or its text differs from {@code value}. */
  public static Condition notEquals(String field, String value) {
    return new Condition(Kind.NOT_EQUALS, field, requireNonNull(value, "value"), null);
  }

  /** True when the field is present and not blank. */
  public static Condition present(String field) {
    return new Condition(Kind.PRESENT, field, null, null);
  }

  /** True when the field is missing, null or blank. */
  public static Condition absent(String field) {
    return new Condition(Kind.ABSENT, field, null, null);
  }

  /**
   * True when the field's text matches the whole regular expression.
   *
   * @throws IllegalArgumentException if the expression is invalid
   */
  public static Condition matches(String field, String regex) {
    return new Condition(Kind.MATCHES, field, null,
        TextPattern.compile(requireNonNull(regex, "regex")));
  }

  boolean test(JsonNode source) {
    JsonNode v = path.peek(source);
    String actual = v == null ? null : Values.scalarText(v);
    return switch (kind) {
      case EQUALS -> actual != null && actual.equals(text);
      case NOT_EQUALS -> actual == null || !actual.equals(text);
      case PRESENT -> !Values.isBlank(v);
      case ABSENT -> Values.isBlank(v);
      case MATCHES -> actual != null && pattern.matches(actual);
    };
  }

  void collect(Set<String> topLevel) {
    topLevel.add(path.first());
  }

  @Override
  public String toString() {
    return path + " " + kind + (text == null ? "" : " '" + text + "'")
        + (pattern == null ? "" : " /" + pattern + "/");
  }
}
