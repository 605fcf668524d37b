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
  /** Expressions of the kinds mappings validate with, and some that are not. */
  private static final List<String> EXPRESSIONS = List.of(
      "[A-Z0-9-]+", "[^@\\s]+@[^@\\s]+", "[A-Z]{3}", "[a-z]{2,4}", "[0-9]{1,}", "\\d+", "\\w*",
      "[-a]+", "[^-a]?", "[\\s]*", "a", "A-[0-9]{2}", "[a-c]+-[0-9]?", "[^a]+a", "[a_@, #']{0,3}",
      "[a-z]+[a-z]", "a*a", "[^a]+[^b]", "a+b*c", "[a-z]+?", "(ab)+", "a|b", "(?i)abc",
      "[\\p{L}]+", "\\S+", "^a$", "[é]", "");

  /** Characters the random texts are made of: members, non-members, whitespace, non-ASCII. */
  private static final String[] ALPHABET = {"A", "Z", "a", "b", "c", "q", "0", "9", "-", "@", " ",
    "\t", "\u000B", "_", ",", "'", "#", "é", "😀", "\uD800", "\u00A0", "x"};

  @Test
  void matches_anyExpression_agreesWithJavaRegex() {
    List<String> texts = texts();
    for (String regex : EXPRESSIONS) {
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
  void matches_sharedAcrossThreads_eachThreadGetsItsOwnAnswer() throws Exception {
    TextPattern pattern = TextPattern.compile("[A-Z]{3}");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        wrong.add(pool.submit(() -> {
          int errors = 0;
          for (int i = 0; i < 20_000; i++) {
            boolean good = (i + seed) % 2 == 0;
            if (pattern.matches(good ? "ABC" : "AB1") != good) {
              errors++;
            }
          }
          return errors;
        }));
      }
      for (java.util.concurrent.Future<Integer> f : wrong) {
        assertThat(f.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void matches_textThatOverflowsTheRegexStack_doesNotMatchInsteadOfThrowing() {
    TextPattern pattern = TextPattern.compile("(a|b)+");

    assertThat(pattern.matches("ab".repeat(500_000))).isFalse();
    assertThat(pattern.matches("abab")).isTrue();
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
