package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static io.connectsdk.core.mapping.ValueRuleTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.InMemoryKeyMap;
import io.connectsdk.core.store.KeyMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableRuleTest {
  private static final Map<String, String> STATUS = Map.of("active", "Active", "inactive", "Inactive");

  @Test
  void valueMap_strict_unknownCodeIsFieldError() {
    MappingResult r = map(Rules.copy("status").valueMap(STATUS).to("Status"), "{\"status\": \"gone\"}");

    assertThat(r.errors()).containsExactly(
        new FieldError("status", "valueMap", "unknown value", "gone"));
    assertThat(map(Rules.copy("status").valueMap(STATUS).to("Status"), "{\"status\": \"active\"}")
        .fields()).isEqualTo(json("{\"Status\": \"Active\"}"));
  }

  @Test
  void valueMap_otherwiseAndPassThrough_handleUnknownCodes() {
    assertThat(map(Rules.copy("s").valueMap(STATUS, "Active").to("S"), "{\"s\": \"x\"}").fields())
        .isEqualTo(json("{\"S\": \"Active\"}"));
    assertThat(map(Rules.copy("s").valueMapPassThrough(STATUS).to("S"), "{\"s\": \"x\"}").fields())
        .isEqualTo(json("{\"S\": \"x\"}"));
    assertThat(map(Rules.copy("s").valueMap(STATUS).to("S"), "{\"s\": [1]}").errors())
        .extracting(FieldError::message).containsExactly("expected a code, not a container");
  }

  @Test
  void lookup_namedTable_translatesOrReportsMissingKey() {
    CompiledMapping m = Mapping.builder("t").table("terms", Map.of("net30", "30"))
        .rule(Rules.copy("terms").lookup("terms").to("Terms")).build();

    assertThat(m.apply(json("{\"terms\": \"net30\"}")).fields())
        .isEqualTo(json("{\"Terms\": \"30\"}"));
    assertThat(m.apply(json("{\"terms\": \"net45\"}")).errors()).containsExactly(
        new FieldError("terms", "lookup", "unknown value in table 'terms'", "net45"));
  }

  @Test
  void lookup_unknownTable_isDefinitionError() {
    assertThatThrownBy(() -> Mapping.builder("t").rule(Rules.copy("a").lookup("nope").to("A"))
        .build()).isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("rules[0]: unknown lookup table 'nope'");
  }

  @Test
  void crossRef_linkedId_isTranslated() {
    KeyMap keyMap = new InMemoryKeyMap();
    keyMap.link(new RecordRef("bng", EntityType.CUSTOMER, "cus_1"),
        new RecordRef("sage300", EntityType.CUSTOMER, "1200"));
    CompiledMapping m = Mapping.builder("t").keyMap(keyMap)
        .rule(Rules.copy("customer_id").crossRef("bng", EntityType.CUSTOMER, "sage300")
            .to("CustomerNumber"))
        .rule(Rules.copy("parent_id").crossRef("bng", EntityType.CUSTOMER, "sage300", true)
            .to("NationalAccount"))
        .build();

    assertThat(m.apply(json("{\"customer_id\": \"cus_1\", \"parent_id\": \"cus_9\"}")).fields())
        .isEqualTo(json("{\"CustomerNumber\": \"1200\"}"));
    MappingResult dangling = m.apply(json("{\"customer_id\": \"cus_2\"}"));
    assertThat(dangling.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("customer_id");
      assertThat(e.rule()).isEqualTo("crossRef");
      assertThat(e.message()).startsWith("dangling reference");
      assertThat(e.value()).isEqualTo("cus_2");
    });
  }

  @Test
  void crossRef_withoutKeyMap_isDefinitionError() {
    assertThatThrownBy(() -> Mapping.builder("t")
        .rule(Rules.copy("a").crossRef("bng", EntityType.ITEM, "sage300").to("A")).build())
        .isInstanceOf(MappingDefinitionException.class).hasMessageContaining("needs a KeyMap");
  }
}
