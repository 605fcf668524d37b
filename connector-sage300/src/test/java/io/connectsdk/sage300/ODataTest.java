package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.CompositeKey;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ODataTest {
  @Test
  void literal_innerQuotes_areDoubled() {
    assertThat(OData.literal("O'Brien")).isEqualTo("'O''Brien'");
    assertThat(OData.literal("''")).isEqualTo("''''''");
    assertThat(OData.literal("")).isEqualTo("''");
  }

  @Test
  void keyPredicate_stringNumericAndComposite() {
    assertThat(OData.keyPredicate(List.of(KeyPart.text("CustomerNumber")), "1200"))
        .isEqualTo("('1200')");
    assertThat(OData.keyPredicate(List.of(KeyPart.number("BatchNumber")), "66"))
        .isEqualTo("(66)");
    List<KeyPart> receipt = List.of(KeyPart.text("BatchRecordType"), KeyPart.number("BatchNumber"));
    assertThat(OData.keyPredicate(receipt,
        CompositeKey.of("BatchRecordType", "C'A", "BatchNumber", "65").encode()))
        .isEqualTo("(BatchRecordType='C''A',BatchNumber=65)");
  }

  @Test
  void keyPredicate_compositeInAnotherPartOrder_usesResourceOrder() {
    List<KeyPart> key = List.of(KeyPart.text("ItemNumber"), KeyPart.text("Location"));
    assertThat(OData.keyPredicate(key, CompositeKey.of("Location", "1", "ItemNumber", "A").encode()))
        .isEqualTo("(ItemNumber='A',Location='1')");
  }

  @Test
  void keyPredicate_badValues_areRejected() {
    assertThatThrownBy(() -> OData.keyPredicate(List.of(KeyPart.number("N")), "1 or 1"))
        .isInstanceOf(IllegalArgumentException.class);
    List<KeyPart> key = List.of(KeyPart.text("A"), KeyPart.number("B"));
    assertThatThrownBy(() -> OData.keyPredicate(key, "A=1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OData.keyPredicate(key, "A=1,C=2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void date_v4AndLegacyForms() {
    LocalDate d = LocalDate.of(2026, 4, 1);
    assertThat(OData.date(d, false)).isEqualTo("2026-04-01T00:00:00Z");
    assertThat(OData.date(d, true)).isEqualTo("datetime'2026-04-01T00:00:00'");
  }

  @Test
  void eq_escapesValueAndKeepsNumbersBare() {
    assertThat(OData.eq("CustomerName", "O'Brien", false)).isEqualTo("CustomerName eq 'O''Brien'");
    assertThat(OData.eq("OrderUniquifier", "42", true)).isEqualTo("OrderUniquifier eq 42");
  }
}
