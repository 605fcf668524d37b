package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinesAndValidationTest {
  private static final CompiledMapping LINE = Mapping.builder("line")
      .rule(Rules.copy("sku").upper().to("Item"))
      .rule(Rules.copy("qty").decimal(0).to("Qty"))
      .validate(FieldValidation.field("Item").required())
      .build();

  private static MappingResult check(FieldValidation validation, String source) {
    return Mapping.builder("t").copy("v", "V").validate(validation).build().apply(json(source));
  }

  @Test
  void lines_eachElementMappedByNestedMapping() {
    CompiledMapping m = Mapping.builder("o").rule(Rules.lines("lines", "Details", LINE)).build();

    assertThat(m.apply(json("{\"lines\": [{\"sku\": \"a\", \"qty\": 2}, {\"sku\": \"b\"}]}"))
        .fields().toString()).isEqualTo("{\"Details\":[{\"Item\":\"A\",\"Qty\":2},{\"Item\":\"B\"}]}");
    assertThat(m.apply(json("{\"lines\": []}")).fields()).isEqualTo(json("{\"Details\": []}"));
    assertThat(m.apply(json("{}")).fields()).isEmpty();
  }

  @Test
  void lines_errorsCarryElementPaths() {
    CompiledMapping m = Mapping.builder("o").rule(Rules.lines("lines", "Details", LINE).required())
        .build();

    MappingResult r = m.apply(json(
        "{\"lines\": [{\"sku\": \"a\"}, 7, {\"qty\": \"x\"}, {\"sku\": {}}]}"));

    assertThat(r.errors()).extracting(FieldError::path, FieldError::rule).containsExactly(
        tuple("lines[1]", "lines"),
        tuple("Details[2].Item", "required"),
        tuple("lines[2].qty", "decimal"),
        tuple("lines[3].sku", "upper"),
        tuple("Details[3].Item", "required"));
    assertThat(m.apply(json("{}")).errors()).extracting(FieldError::path).containsExactly("lines");
    assertThat(m.apply(json("{\"lines\": {}}")).errors()).extracting(FieldError::message)
        .containsExactly("expected an array");
  }

  @Test
  void lines_nestedTwice_prefixesBothLevels() {
    CompiledMapping inner = Mapping.builder("serial").copy("sn", "SerialNumber")
        .validate(FieldValidation.field("SerialNumber").maxLength(3)).build();
    CompiledMapping line = Mapping.builder("line")
        .rule(Rules.lines("serials", "Serials", inner)).build();
    CompiledMapping m = Mapping.builder("o").rule(Rules.lines("lines", "Details", line)).build();

    MappingResult r = m.apply(json(
        "{\"lines\": [{}, {\"serials\": [{\"sn\": \"1\"}, {\"sn\": \"12345\"}]}]}"));

    assertThat(r.errors()).extracting(FieldError::path)
        .containsExactly("Details[1].Serials[1].SerialNumber");
  }

  @Test
  void required_missingNullOrBlank_isError() {
    FieldValidation required = FieldValidation.field("V").required();

    assertThat(check(required, "{}").errors()).containsExactly(
        new FieldError("V", "required", "is required", ""));
    assertThat(check(required, "{\"v\": \" \"}").errors()).hasSize(1);
    assertThat(check(required, "{\"v\": 0}").errors()).isEmpty();
  }

  @Test
  void maxLength_countsCharactersAndSkipsMissing() {
    FieldValidation max = FieldValidation.field("V").maxLength(3);

    assertThat(check(max, "{\"v\": \"abc\"}").errors()).isEmpty();
    assertThat(check(max, "{\"v\": \"\\uD83D\\uDE00bc\"}").errors()).isEmpty();
    assertThat(check(max, "{\"v\": \"abcd\"}").errors()).containsExactly(
        new FieldError("V", "maxLength", "longer than 3 characters", "abcd"));
    assertThat(check(max, "{\"v\": 1234}").errors()).extracting(FieldError::rule)
        .containsExactly("maxLength");
    assertThat(check(max, "{\"v\": [1]}").errors()).extracting(FieldError::rule)
        .containsExactly("type");
    assertThat(check(max, "{}").errors()).isEmpty();
  }

  @Test
  void patternAndOneOf_matchWholeText() {
    assertThat(check(FieldValidation.field("V").pattern("[A-Z]{3}"), "{\"v\": \"CADX\"}")
        .errors()).extracting(FieldError::rule).containsExactly("pattern");
    assertThat(check(FieldValidation.field("V").pattern("[A-Z]{3}"), "{\"v\": \"CAD\"}")
        .errors()).isEmpty();
    FieldValidation oneOf = FieldValidation.field("V").oneOf(List.of("Active", "Inactive"));
    assertThat(check(oneOf, "{\"v\": \"Active\"}").errors()).isEmpty();
    assertThat(check(oneOf, "{\"v\": \"active\"}").errors()).extracting(FieldError::message)
        .containsExactly("not one of [Active, Inactive]");
  }

  @Test
  void range_comparesBigDecimalsInclusive() {
    FieldValidation range = FieldValidation.field("V")
        .range(new BigDecimal("0.00"), new BigDecimal("10.00"));

    assertThat(check(range, "{\"v\": 10}").errors()).isEmpty();
    assertThat(check(range, "{\"v\": \"0\"}").errors()).isEmpty();
    assertThat(check(range, "{\"v\": 10.001}").errors()).extracting(FieldError::message)
        .containsExactly("outside [0.00, 10.00]");
    assertThat(check(range, "{\"v\": \"-0.01\"}").errors()).hasSize(1);
    assertThat(check(range, "{\"v\": \"ten\"}").errors()).extracting(FieldError::message)
        .containsExactly("not a number");
    assertThatThrownBy(() -> FieldValidation.field("V").range(BigDecimal.TEN, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validations_reportEveryFailureNotJustTheFirst() {
    MappingResult r = Mapping.builder("t").copy("a", "A").copy("b", "B")
        .validate(FieldValidation.field("A").maxLength(1).pattern("\\d+"))
        .validate(FieldValidation.field("B").required())
        .build().apply(json("{\"a\": \"xy\"}"));

    assertThat(r.errors()).extracting(FieldError::rule)
        .containsExactly("maxLength", "pattern", "required");
  }

  @Test
  void validations_onFieldWrittenByOneRule_reportWithThatRule_othersAfterAllRules() {
    MappingResult r = Mapping.builder("t")
        .copy("a", "A")
        .copy("b", "B").copy("b2", "B")
        .rule(Rules.constant("x").to("C").when(Condition.present("c")))
        .rule(Rules.copy("d").decimal(2).to("D"))
        .validate(FieldValidation.field("B").required())
        .validate(FieldValidation.field("A").required())
        .validate(FieldValidation.field("C").required())
        .build().apply(json("{\"d\": \"x\"}"));

    assertThat(r.errors()).extracting(FieldError::path, FieldError::rule).containsExactly(
        tuple("A", "required"), tuple("C", "required"), tuple("d", "decimal"),
        tuple("B", "required"));
  }

  @Test
  void builtMapping_isNotChangedByLaterBuilderCalls() {
    FieldValidation v = FieldValidation.field("V").maxLength(5);
    MappingBuilder b = Mapping.builder("t").copy("v", "V").validate(v);
    CompiledMapping first = b.build();

    v.maxLength(1);
    b.copy("w", "W");

    assertThat(first.apply(json("{\"v\": \"abc\", \"w\": 1}")).fields())
        .isEqualTo(json("{\"V\": \"abc\"}"));
    assertThat(b.build().apply(json("{\"v\": \"abc\"}")).errors()).hasSize(1);
  }
}
