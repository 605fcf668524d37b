package io.connectsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntityTypeTest {

  @Test
  void of_canonicalNameAnyCase_equalsConstant() {
    assertThat(EntityType.of(" SALES_ORDER ")).isEqualTo(EntityType.SALES_ORDER);
    assertThat(EntityType.of("ar_receipt_batch").name()).isEqualTo("ar_receipt_batch");
  }

  @Test
  void of_invalidName_rejectedWithName() {
    assertThatThrownBy(() -> EntityType.of("1bad")).hasMessageContaining("1bad");
    assertThatThrownBy(() -> EntityType.of("has space")).isInstanceOf(IllegalArgumentException.class);
  }
}
