package io.connectsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompositeKeyTest {

  @Test
  void encode_plainParts_nameValuePairsInOrder() {
    assertThat(CompositeKey.of("BatchRecordType", "CA", "BatchNumber", "65").encode())
        .isEqualTo("BatchRecordType=CA,BatchNumber=65");
  }

  @Test
  void parse_encodedWithSeparatorsInValues_roundTrips() {
    CompositeKey key = CompositeKey.of("ItemNumber", "A,B=C\\D", "Location", "1 / Ö");

    CompositeKey parsed = CompositeKey.parse(key.encode());

    assertThat(parsed).isEqualTo(key);
    assertThat(parsed.get("ItemNumber")).isEqualTo("A,B=C\\D");
  }

  @Test
  void parse_emptyValue_roundTrips() {
    assertThat(CompositeKey.parse(CompositeKey.of("a", "", "b", "x").encode()).get("a")).isEmpty();
  }

  @Test
  void parse_malformed_throwsWithText() {
    assertThatThrownBy(() -> CompositeKey.parse("novalue")).hasMessageContaining("name=value");
    assertThatThrownBy(() -> CompositeKey.parse("a=1,a=2")).hasMessageContaining("duplicate");
    assertThatThrownBy(() -> CompositeKey.parse("a=1\\")).hasMessageContaining("dangling");
    assertThatThrownBy(() -> CompositeKey.parse("a=1=2")).hasMessageContaining("unescaped");
  }

  @Test
  void of_oddArguments_rejected() {
    assertThatThrownBy(() -> CompositeKey.of("a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void get_unknownPart_rejected() {
    assertThatThrownBy(() -> CompositeKey.of("a", "1").get("b")).hasMessageContaining("no part");
  }
}
