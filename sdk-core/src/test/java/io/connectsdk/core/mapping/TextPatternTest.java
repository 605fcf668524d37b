package io.connectsdk.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class TextPatternTest {
  /** Expressions the fast path takes; each must agree with java.util.regex on every text. */
  private static final List<String> SIMPLE = List.of(
      "[A-Z0-9-]+", "[^@\\s]+@[^@\\s]+", "[A-Z]{3}", "[a-z]{2,4}", "[0-9]{1,}", "\\d+", "\\w*",
      "[-a]+", "[^-a]?", "[\\s]*", "a", "A-[0-9]{2}", "[a-c]+-[0-9]?", "[^a]+a", "[a_@, #']{0,3}",
      "[^\\d]{2}[0-9]+", "\\s?x");

  /** Expressions the fast path must leave to java.util.regex. */
  private static final List<String> NOT_SIMPLE = List.of(
      "[a-z]+[a-z]", "a*a", "[^a]+[^b]", "a+b*c", "[a-z]+?", "[a-z]++", ".+", "(ab)+", "a|b",
      "[a-z&&[^q]]", "[a-c-e]", "(?i)abc", "[\\p{L}]+", "\\S+", "[\\x41]", "^a$", "[é]", "",
      "[^a]+b", "[^a]+[^b]+");

  /** Characters the random texts are made of: members, non-members, whitespace, non-ASCII. */
  private static final String[] ALPHABET = {"A", "Z", "a", "b", "c", "q", "0", "9", "-", "@", " ",
    "\t", "\u000B", "_", ",", "'", "#", "é", "😀", "\uD800", "\u00A0", "x"};

  @Test
  void parse_simpleForms_takeTheFastPath() {
    for (String regex : SIMPLE) {
      assertThat(TextPattern.compile(regex).simple()).as(regex).isTrue();
    }
  }

  @Test
  void parse_otherForms_fallBackToPattern() {
    for (String regex : NOT_SIMPLE) {
      assertThat(TextPattern.compile(regex).simple()).as(regex).isFalse();
    }
  }

  @Test
  void matches_anyExpression_agreesWithJavaRegex() {
    List<String> texts = texts();
    List<String> all = new ArrayList<>(SIMPLE);
    all.addAll(NOT_SIMPLE);
    for (String regex : all) {
      Pattern reference = Pattern.compile(regex);
      TextPattern pattern = TextPattern.compile(regex);
      for (String text : texts) {
        assertThat(pattern.matches(text)).as("/%s/ on '%s'", regex, text)
            .isEqualTo(reference.matcher(text).matches());
      }
    }
  }

  @Test
  void matches_countsCodePointsNotChars() {
    assertThat(TextPattern.compile("[^a]{2}").matches("😀b")).isTrue();
    assertThat(TextPattern.compile("[^a]{3}").matches("😀b")).isFalse();
    assertThat(TextPattern.compile("[^@\\s]+@[^@\\s]+").matches("ann@exämple.😀")).isTrue();
    assertThat(TextPattern.compile("[^@\\s]+@[^@\\s]+").matches("ann@ex ample")).isFalse();
  }

  @Test
  void compile_invalidExpression_throwsAsPatternDoes() {
    assertThatThrownBy(() -> TextPattern.compile("[A-Z"))
        .isInstanceOf(PatternSyntaxException.class);
    assertThatThrownBy(() -> TextPattern.compile("[z-a]+"))
        .isInstanceOf(PatternSyntaxException.class);
  }

  @Test
  void toString_isTheExpression() {
    assertThat(TextPattern.compile("[A-Z]{3}")).hasToString("[A-Z]{3}");
  }

  /** Every text of up to 3 characters over a small alphabet, plus random longer ones. */
  private static List<String> texts() {
    List<String> texts = new ArrayList<>(List.of(""));
    List<String> previous = List.of("");
    for (int length = 1; length <= 3; length++) {
      List<String> next = new ArrayList<>();
      for (String prefix : previous) {
        for (String c : ALPHABET) {
          next.add(prefix + c);
        }
      }
      texts.addAll(next);
      previous = next;
    }
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = 4 + random.nextInt(8);
      for (int j = 0; j < length; j++) {
        sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      texts.add(sb.toString());
    }
    return texts;
  }
}
