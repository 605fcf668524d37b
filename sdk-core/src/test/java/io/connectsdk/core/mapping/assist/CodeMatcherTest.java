package io.connectsdk.core.mapping.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeMatcherTest {
  private final CodeMatcher matcher = CodeMatcher.of(List.of("A1-103/0", "A1-105/0", "TSH-RED-XL"));

  @Test
  void match_sameCodeDifferentFormatting_scoresOne() {
    assertThat(matcher.match(" a1 103 0 ")).contains(new CodeMatch(" a1 103 0 ", "A1-103/0", 1.0));
  }

  @Test
  void match_typo_findsClosestAboveThreshold() {
    CodeMatch m = matcher.match("TSH-RDE-XL").orElseThrow();

    assertThat(m.code()).isEqualTo("TSH-RED-XL");
    assertThat(m.score()).isGreaterThanOrEqualTo(0.9).isLessThan(1.0);
  }

  @Test
  void match_nothingClose_isEmpty() {
    assertThat(matcher.match("ZZZ-999")).isEmpty();
    assertThat(matcher.match("--")).isEmpty();
    assertThat(CodeMatcher.of(List.of()).match("A1")).isEmpty();
  }

  @Test
  void match_tie_goesToAlphabeticallyFirstCode() {
    CodeMatcher tie = CodeMatcher.of(List.of("AB-2", "AB-1"), 0.5);

    assertThat(tie.match("AB-3").orElseThrow().code()).isEqualTo("AB-1");
  }

  @Test
  void threshold_outOfRange_isRejected() {
    assertThatThrownBy(() -> CodeMatcher.of(List.of("A"), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CodeMatcher.of(List.of("A1-103/0"), 0.99).match("A1-105/0")).isEmpty();
  }
}
