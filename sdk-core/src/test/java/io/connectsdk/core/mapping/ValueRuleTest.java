package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ValueRuleTest {

  static MappingResult map(RuleSpec<?> rule, String source) {
    return Mapping.builder("t").rule(rule).build().apply(json(source));
  }

  @Test
  void copy_dottedSourceAndTarget_readsAndCreatesNestedObjects() {
    MappingResult r = map(Rules.copy("billing_address.city").to("Address.City"),
        "{\"billing_address\": {\"city\": \"Toronto\"}}");

    assertThat(r.fields()).isEqualTo(json("{\"Address\": {\"City\": \"Toronto\"}}"));
  }

  @Test
  void copy_missingOrNullSource_writesNothing() {
    assertThat(map(Rules.copy("a").to("A"), "{}").fields()).isEmpty();
    assertThat(map(Rules.copy("a").to("A"), "{\"a\": null}").fields()).isEmpty();
    assertThat(map(Rules.copy("a.b").to("A"), "{\"a\": null}").fields()).isEmpty();
  }

  @Test
  void copy_pathThroughNonObject_isTypeError() {
    MappingResult r = map(Rules.copy("address.city").to("City"), "{\"address\": \"Main St\"}");

    assertThat(r.errors()).containsExactly(
        new FieldError("address", "type", "expected an object", "Main St"));
  }

  @Test
  void copy_container_isDeepCopiedSoSourceStaysUnchanged() {
    ObjectNode source = json("{\"meta\": {\"a\": 1}}");
    ObjectNode out = Mapping.builder("t").copy("meta", "Meta").build().apply(source).fields();

    ((ObjectNode) out.get("Meta")).put("a", 2);

    assertThat(source.get("meta").get("a").asInt()).isEqualTo(1);
  }

  @Test
  void constant_anyValue_isWritten() {
    MappingResult r = Mapping.builder("t").constant("Item", "LineType").constant(true, "OnHold")
        .constant(new java.math.BigDecimal("1.50"), "Price").build().apply(json("{}"));

    assertThat(r.fields()).isEqualTo(json(
        "{\"LineType\": \"Item\", \"OnHold\": true, \"Price\": 1.50}"));
  }

  @Test
  void constant_javaNumbers_equalParsedJsonNumbers() {
    MappingResult r = Mapping.builder("t").constant(1, "I").constant(1L, "L")
        .constant(5_000_000_000L, "Big").build().apply(json("{}"));

    assertThat(r.fields()).isEqualTo(json("{\"I\": 1, \"L\": 1, \"Big\": 5000000000}"));
  }

  @Test
  void orDefault_missingNullOrBlank_usesDefault() {
    ValueRule rule = Rules.copy("currency").orDefault("USD").to("CurrencyCode");

    assertThat(map(rule, "{}").fields().get("CurrencyCode").asText()).isEqualTo("USD");
    assertThat(map(rule, "{\"currency\": null}").fields().get("CurrencyCode").asText())
        .isEqualTo("USD");
    assertThat(map(rule, "{\"currency\": \"  \"}").fields().get("CurrencyCode").asText())
        .isEqualTo("USD");
    assertThat(map(rule, "{\"currency\": \"CAD\"}").fields().get("CurrencyCode").asText())
        .isEqualTo("CAD");
  }

  @Test
  void join_skipsMissingAndBlankParts() {
    ValueRule rule = Rules.join(" ", "first", "middle", "last").to("Name");

    assertThat(map(rule, "{\"first\": \" Ann \", \"middle\": \"\", \"last\": \"Lee\"}").fields()
        .get("Name").asText()).isEqualTo("Ann Lee");
    assertThat(map(rule, "{\"first\": \"Ann\", \"last\": 7}").fields().get("Name").asText())
        .isEqualTo("Ann 7");
    assertThat(map(rule, "{}").fields()).isEmpty();
  }

  @Test
  void join_containerPart_isFieldError() {
    MappingResult r = map(Rules.join(" ", "first", "last").to("Name"),
        "{\"first\": \"Ann\", \"last\": [\"L\"]}");

    assertThat(r.errors()).extracting(FieldError::path, FieldError::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("last", "join"));
  }

  @Test
  void textOps_trimUpperLowerTruncate_applyInOrder() {
    assertThat(map(Rules.copy("a").trim().upper().truncate(3).to("A"), "{\"a\": \"  abcdef \"}")
        .fields().get("A").asText()).isEqualTo("ABC");
    assertThat(map(Rules.copy("a").lower().to("A"), "{\"a\": \"MiXeD\"}").fields().get("A")
        .asText()).isEqualTo("mixed");
    assertThat(map(Rules.copy("a").upper().to("A"), "{\"a\": 12}").fields().get("A").asInt())
        .isEqualTo(12);
  }

  @Test
  void truncate_neverSplitsSurrogatePair() {
    assertThat(map(Rules.copy("a").truncate(2).to("A"), "{\"a\": \"a\\uD83D\\uDE00b\"}")
        .fields().get("A").asText()).isEqualTo("a");
  }

  @Test
  void textOps_onContainer_isFieldError() {
    assertThat(map(Rules.copy("a").trim().to("A"), "{\"a\": {}}").errors())
        .extracting(FieldError::rule).containsExactly("trim");
  }

  @Test
  void builder_ruleWithoutTarget_isDefinitionErrorNamingTheRule() {
    assertThatThrownBy(() -> Mapping.builder("t").copy("a", "A").rule(Rules.copy("b")).build())
        .isInstanceOf(MappingDefinitionException.class)
        .hasMessage("rules[1]: no target: call to(...)");
    assertThatThrownBy(() -> Rules.copy("a..b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rules.copy("a").truncate(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameTarget_laterRuleOverwritesInPlace() {
    MappingResult r = Mapping.builder("t").copy("a", "X").copy("b", "Y").copy("c", "X").build()
        .apply(json("{\"a\": 1, \"b\": 2, \"c\": 3}"));

    assertThat(r.fields().toString()).isEqualTo("{\"X\":3,\"Y\":2}");
  }
}
