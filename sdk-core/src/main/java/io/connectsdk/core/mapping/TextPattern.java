package io.connectsdk.core.mapping;

import java.util.regex.Pattern;

/**
 * A regular expression that must match a whole text, as {@code Pattern.matcher(text).matches()}.
 * Simple expressions (see {@link SimpleRegex}) are matched without creating a Matcher, which
 * validations would otherwise allocate for every check of every record; the rest go to {@link
 * Pattern}. Immutable and thread-safe.
 */
final class TextPattern {
  private final Pattern pattern;
  private final SimpleRegex simple;

  private TextPattern(Pattern pattern, SimpleRegex simple) {
    this.pattern = pattern;
    this.simple = simple;
  }

  /**
   * Compiles {@code regex}.
   *
   * @throws java.util.regex.PatternSyntaxException if the expression is invalid
   */
  static TextPattern compile(String regex) {
    // Pattern.compile first: it rejects an invalid expression exactly as before.
    Pattern pattern = Pattern.compile(regex);
    return new TextPattern(pattern, SimpleRegex.parse(regex));
  }

  boolean matches(String text) {
    return simple != null ? simple.matches(text) : pattern.matcher(text).matches();
  }

  /** Whether matching avoids java.util.regex (for tests). */
  boolean simple() {
    return simple != null;
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }
}
