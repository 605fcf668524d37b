package io.connectsdk.core.mapping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression that must match a whole text, as {@code Pattern.matcher(text).matches()}.
 * The pattern is compiled once; each thread keeps one {@link Matcher} per pattern and resets it
 * for every text, so a check allocates no Matcher while a compiled mapping is shared by any number
 * of threads. Immutable and thread-safe.
 *
 * <p>A text that the regex engine cannot match without overflowing its stack (some expressions
 * with groups recurse once per character) does not match, instead of crashing the record's job.
 */
final class TextPattern {
  private final Pattern pattern;
  private final ThreadLocal<Matcher> matcher;

  private TextPattern(Pattern pattern) {
    this.pattern = pattern;
    this.matcher = ThreadLocal.withInitial(() -> pattern.matcher(""));
  }

  /**
   * Compiles {@code regex}.
   *
   * @throws java.util.regex.PatternSyntaxException if the expression is invalid
   */
  static TextPattern compile(String regex) {
    return new TextPattern(Pattern.compile(regex));
  }

  boolean matches(String text) {
    Matcher m = matcher.get();
    try {
      return m.reset(text).matches();
    } catch (StackOverflowError e) {
      return false; // the stack has unwound; only this text is refused
    } finally {
      m.reset(""); // keep no reference to the text
    }
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }
}
