package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Json;
import org.junit.jupiter.api.Test;

class ConditionAndFunctionTest {

  private static boolean applies(Condition condition, String source) {
    return Mapping.builder("t").rule(Rules.constant("Y").to("X").when(condition)).build()
        .apply(json(source)).fields().has("X");
  }

  @Test
  void equalsAndNotEquals_compareTextForms() {
    assertThat(applies(Condition.equals("s", "on_hold"), "{\"s\": \"on_hold\"}")).isTrue();
    assertThat(applies(Condition.equals("s", "on_hold"), "{\"s\": \"active\"}")).isFalse();
    assertThat(applies(Condition.equals("n", "5"), "{\"n\": 5}")).isTrue();
    assertThat(applies(Condition.equals("s", "x"), "{}")).isFalse();
    assertThat(applies(Condition.notEquals("s", "x"), "{}")).isTrue();
    assertThat(applies(Condition.notEquals("s", "x"), "{\"s\": \"x\"}")).isFalse();
  }

  @Test
  void presentAbsentMatches_testTheField() {
    assertThat(applies(Condition.present("a.b"), "{\"a\": {\"b\": \"v\"}}")).isTrue();
    assertThat(applies(Condition.present("a.b"), "{\"a\": {\"b\": \" \"}}")).isFalse();
    assertThat(applies(Condition.absent("a"), "{\"a\": null}")).isTrue();
    assertThat(applies(Condition.matches("sku", "TSH-\\d+"), "{\"sku\": \"TSH-12\"}")).isTrue();
    assertThat(applies(Condition.matches("sku", "TSH-\\d+"), "{\"sku\": \"TSH-12a\"}")).isFalse();
    assertThat(applies(Condition.matches("sku", ".*"), "{\"sku\": {}}")).isFalse();
  }

  @Test
  void severalConditions_mustAllHold() {
    CompiledMapping m = Mapping.builder("t").rule(Rules.constant(1).to("X")
        .when(Condition.present("a")).when(Condition.equals("b", "y"))).build();

    assertThat(m.apply(json("{\"a\": 1, \"b\": \"y\"}")).fields().has("X")).isTrue();
    assertThat(m.apply(json("{\"a\": 1, \"b\": \"n\"}")).fields().has("X")).isFalse();
  }

  @Test
  void function_registeredByName_convertsAndRejectsBadData() {
    MappingFunctions functions = MappingFunctions.builder()
        .register("digits", in -> {
          if (!in.isTextual()) {
            throw new IllegalArgumentException("phone must be text");
          }
          return Json.nodes().textNode(in.textValue().replaceAll("\\D", ""));
        })
        .register("count", in -> Json.nodes().numberNode(in.size()))
        .build();
    CompiledMapping m = Mapping.builder("t").functions(functions)
        .rule(Rules.copy("phone").function("digits").to("Phone"))
        .rule(Rules.all("a", "b").function("count").to("N"))
        .build();

    assertThat(m.apply(json("{\"phone\": \"(416) 555-0100\"}")).fields())
        .isEqualTo(json("{\"Phone\": \"4165550100\", \"N\": 2}"));
    assertThat(m.apply(json("{\"phone\": 4165550100}")).errors()).containsExactly(
        new FieldError("phone", "function:digits", "phone must be text", "4165550100"));
  }

  @Test
  void function_unknownOrDuplicateName_isRejected() {
    assertThatThrownBy(() -> Mapping.builder("t").rule(Rules.copy("a").function("nope").to("A"))
        .build()).isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("unknown function 'nope'");
    MappingFunctions.Builder b = MappingFunctions.builder().register("f", in -> in);
    assertThatThrownBy(() -> b.register("f", in -> in)).isInstanceOf(IllegalStateException.class);
  }
}
