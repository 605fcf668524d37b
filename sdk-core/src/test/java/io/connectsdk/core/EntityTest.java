package io.connectsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntityTest {

  @Test
  void build_fieldsChangedAfterwards_entityUnchanged() {
    ObjectNode fields = Json.object().put("name", "Acme");
    Entity.Builder builder = Entity.builder(EntityType.CUSTOMER, "c1").fields(fields);
    Entity first = builder.build();

    fields.put("name", "Changed");
    builder.field("name", "Other");

    assertThat(first.text("name")).contains("Acme");
    assertThat(builder.build().text("name")).contains("Other");
  }

  @Test
  void takeFields_handedOverNode_usedWithoutCopyAndReuseCopiesOnWrite() {
    ObjectNode parsed = Json.object().put("name", "Acme");
    parsed.putObject("address").put("city", "Toronto");
    Entity.Builder builder = Entity.builder(EntityType.CUSTOMER, "c1").takeFields(parsed);
    Entity first = builder.build();

    Entity second = builder.field("name", "Other").build();

    assertThat(first.text("name")).contains("Acme");
    assertThat(first.field("address").path("city").asText()).isEqualTo("Toronto");
    assertThat(second.text("name")).contains("Other");
    // the contract: the node was handed over, so the entity shares it (the builder copied on
    // its next change, which left the first entity and the node alone)
    assertThat(parsed.path("name").asText()).isEqualTo("Acme");
    parsed.put("name", "Changed by a caller that broke the contract");
    assertThat(first.text("name")).contains("Changed by a caller that broke the contract");
  }

  @Test
  void toBuilder_changedAndRebuilt_originalUnchanged() {
    Entity original = Entity.builder(EntityType.CUSTOMER, "c1").field("name", "Acme").build();

    Entity changed = original.toBuilder().field("name", "Other").build();

    assertThat(original.text("name")).contains("Acme");
    assertThat(changed.text("name")).contains("Other");
  }

  @Test
  void fields_returnedCopyChanged_entityUnchanged() {
    Entity e = Entity.builder(EntityType.CUSTOMER, "c1").field("name", "Acme").build();

    e.fields().put("name", "Mutated");
    e.field("name");

    assertThat(e.text("name")).contains("Acme");
  }

  @Test
  void field_nestedArray_returnsCopy() {
    ObjectNode fields = Json.object();
    fields.putArray("lines").addObject().put("sku", "A-1");
    Entity e = Entity.builder(EntityType.SALES_ORDER, "o1").fields(fields).build();

    ((com.fasterxml.jackson.databind.node.ArrayNode) e.field("lines")).removeAll();

    assertThat(e.field("lines").size()).isEqualTo(1);
    assertThat(e.field("missing").isMissingNode()).isTrue();
  }

  @Test
  void field_decimal_keepsExactScale() {
    Entity e = Entity.builder(EntityType.CUSTOMER, "c1")
        .field("credit", new BigDecimal("5000.10"))
        .build();

    assertThat(e.field("credit").decimalValue()).isEqualByComparingTo("5000.10");
    assertThat(e.field("credit").decimalValue().scale()).isEqualTo(2);
  }

  @Test
  void toString_fieldValues_areHidden() {
    Entity e = Entity.builder(EntityType.CUSTOMER, "c1")
        .origin("bng")
        .version(3)
        .field("email", "ann@example.com")
        .build();

    assertThat(e.toString()).isEqualTo("Entity{bng:customer:c1 v3}").doesNotContain("ann@");
  }

  @Test
  void equals_sameContent_equalAndSameHash() {
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    Entity a = Entity.builder(EntityType.ITEM, "i1").updatedAt(t).field("sku", "X").build();
    Entity b = Entity.builder(EntityType.ITEM, "i1").updatedAt(t).field("sku", "X").build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toBuilder().version(2).build()).isNotEqualTo(a);
    assertThat(a.sameFields(a.toBuilder().version(2).build())).isTrue();
  }

  @Test
  void builder_nullId_namesParameter() {
    assertThatThrownBy(() -> Entity.builder(EntityType.ITEM, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
  }
}
