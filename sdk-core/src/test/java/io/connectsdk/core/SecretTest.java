package io.connectsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void toString_anyValue_masked() {
    Secret s = Secret.of("hunter2");

    assertThat(s.toString()).isEqualTo("Secret[****]");
    assertThat(String.valueOf(Map.of("password", s))).doesNotContain("hunter2");
    assertThat(s.reveal()).isEqualTo("hunter2");
  }

  @Test
  void matches_sameAndDifferentValues_comparesExactly() {
    Secret s = Secret.of("abc");

    assertThat(s.matches("abc")).isTrue();
    assertThat(s.matches("abd")).isFalse();
    assertThat(s.matches("ab")).isFalse();
    assertThat(s.matches(null)).isFalse();
    assertThat(s).isEqualTo(Secret.of("abc")).isNotEqualTo(Secret.of("abcd"));
  }

  @Test
  void of_empty_rejected() {
    assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
  }
}
