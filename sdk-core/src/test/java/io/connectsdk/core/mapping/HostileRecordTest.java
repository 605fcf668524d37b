package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per hostile record the review found: each is a field error or a documented value. */
class HostileRecordTest {
  private static final List<CompiledMapping> CUSTOMER = List.of(
      BngSage300Mappings.customerJava(), BngSage300Mappings.customerJson());

  private static ObjectNode customer(String field, JsonNode value) {
    ObjectNode c = BngSage300Mappings.customer();
    c.set(field, value);
    return c;
  }

  private static FieldError onlyError(MappingResult r, String path) {
    assertThat(r.isSuccess()).as("%s", r).isFalse();
    return r.errors().stream().filter(e -> e.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no error at " + path + ": " + r.errors()));
  }

  private static ObjectNode deep(int levels) {
    ObjectNode root = Json.object();
    ObjectNode n = root;
    for (int i = 0; i < levels; i++) {
      n = n.putObject("x");
    }
    return root;
  }

  @Test
  void apply_externalIdTinyNumber_isNumberFieldErrorNotOutOfMemory() {
    for (CompiledMapping m : CUSTOMER) {
      MappingResult r = m.apply(customer("external_id", Json.nodes().numberNode(
          new BigDecimal("1e-999999999"))));

      FieldError e = onlyError(r, "external_id");
      assertThat(e.message()).contains("out of bounds");
      assertThat(e.value()).isEqualTo("1E-999999999");
    }
  }

  @Test
  void apply_hugeNumberCopiedAsIs_isNumberFieldError() {
    CompiledMapping m = Mapping.builder("m").copy("n", "N").build();

    for (String n : List.of("1e+999999999", "1e61", "1e-61", "0E-999999999")) {
      MappingResult r = m.apply(Json.object().put("n", new BigDecimal(n)));
      assertThat(onlyError(r, "n").rule()).as(n).isEqualTo("number");
    }
    assertThat(m.apply(Json.object().put("n", Double.NaN)).isSuccess()).isFalse();
    assertThat(m.apply(Json.object().put("n", new BigDecimal("1e59"))).isSuccess()).isTrue();
    assertThat(m.apply(Json.object().put("n", new BigDecimal("1e-60"))).isSuccess()).isTrue();
  }

  @Test
  void apply_inputTenThousandLevelsDeepThroughJavaApi_isFieldErrorNotStackOverflow() {
    for (CompiledMapping m : CUSTOMER) {
      for (String field : List.of("external_id", "last_name", "company_name", "phone", "email",
          "status", "credit_limit", "currency")) {
        ObjectNode record = BngSage300Mappings.customer();
        record.set(field, deep(10_000));
        Entity entity = Entity.builder(EntityType.CUSTOMER, "cus_1").takeFields(record).build();

        MappingResult r = m.apply(entity);

        assertThat(r.isSuccess()).as(field).isFalse();
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.value().length()).isLessThan(210));
      }
      ObjectNode address = BngSage300Mappings.customer();
      ((ObjectNode) address.get("billing_address")).set("city", deep(10_000));
      assertThat(onlyError(m.apply(address), "billing_address.city").rule())
          .isEqualTo("addressJoin");
    }
  }

  @Test
  void apply_deepObjectCopied_isDepthFieldErrorAtTheDepthLimit() {
    CompiledMapping m = Mapping.builder("m").copy("meta", "Meta").build();

    MappingResult ok = m.apply(Json.object().set("meta", deep(OutputCheck.MAX_DEPTH - 1)));
    MappingResult tooDeep = m.apply(Json.object().set("meta", deep(OutputCheck.MAX_DEPTH)));

    assertThat(ok.isSuccess()).isTrue();
    assertThat(tooDeep.errors()).singleElement().satisfies(e -> {
      assertThat(e.rule()).isEqualTo("depth");
      assertThat(e.path()).startsWith("meta.x.x");
    });
  }

  @Test
  void apply_yearZero_keepsYearZero() {
    CompiledMapping orders = BngSage300Mappings.orderJava(BngSage300Mappings.keyMap());
    ObjectNode order = BngSage300Mappings.order(1);
    order.put("order_date", "0000-01-01");
    CompiledMapping iso = Mapping.builder("d").rule(Rules.copy("d")
        .date(DateConversion.to("yyyy-MM-dd")).to("D")).build();

    assertThat(orders.apply(order).field("OrderDate").textValue()).isEqualTo("0000-01-01");
    assertThat(iso.apply(Json.object().put("d", "0000-06-30")).field("D").textValue())
        .isEqualTo("0000-06-30");
  }

  @Test
  void apply_unpairedSurrogateInText_isTextFieldError() {
    for (CompiledMapping m : CUSTOMER) {
      for (String bad : List.of("Acme\uD800", "\uDC00Acme", "Ac\uDBFFme")) {
        FieldError e = onlyError(m.apply(customer("company_name", Json.nodes().textNode(bad))),
            "company_name");
        assertThat(e.rule()).isEqualTo("text");
        assertThat(e.message()).contains("unpaired surrogate");
      }
      assertThat(m.apply(customer("company_name", Json.nodes().textNode("Acme 😀")))
          .field("CustomerName").textValue()).isEqualTo("Acme 😀");
    }
  }

  @Test
  void apply_controlCharacterInText_isTextFieldErrorButTabAndNewlinePass() {
    CompiledMapping m = Mapping.builder("m").copy("a", "A").build();

    for (String bad : List.of("a\u0000b", "a\u0007", "\u001B[31m", "a\u007F", "a\u0085")) {
      assertThat(onlyError(m.apply(Json.object().put("a", bad)), "a").message())
          .as(bad).contains("control character");
    }
    assertThat(m.apply(Json.object().put("a", "line1\nline2\r\n\tend")).isSuccess()).isTrue();
  }

  @Test
  void apply_controlCharacterInSplitAddressOrNestedValue_isFieldErrorToo() {
    for (CompiledMapping m : CUSTOMER) {
      ObjectNode group = BngSage300Mappings.customer();
      ((ObjectNode) group.get("metadata")).put("sage_group", "RTL\u0000-EAST");
      ObjectNode address = BngSage300Mappings.customer();
      ((ObjectNode) address.get("billing_address")).put("line1", "12 King\u0001");
      ObjectNode city = BngSage300Mappings.customer();
      ((ObjectNode) city.get("billing_address")).put("city", "Toronto\uD800");

      assertThat(onlyError(m.apply(group), "metadata.sage_group").rule()).isEqualTo("text");
      assertThat(onlyError(m.apply(address), "billing_address.line1").rule()).isEqualTo("text");
      assertThat(onlyError(m.apply(city), "billing_address.city").rule()).isEqualTo("text");
    }
    CompiledMapping copy = Mapping.builder("m").copy("meta", "Meta").build();
    ObjectNode nested = Json.object();
    nested.putObject("meta").putArray("tags").add("ok").add("bad\u0002");
    assertThat(onlyError(copy.apply(nested), "meta.tags[1]").rule()).isEqualTo("text");
  }

  @Test
  void decimal_nonAsciiDigits_areNotMoney() {
    for (CompiledMapping m : CUSTOMER) {
      for (String digits : List.of("١٢٣", "１２３", "१२३", "12\u0663")) {
        FieldError e = onlyError(m.apply(customer("credit_limit", Json.nodes().textNode(digits))),
            "credit_limit");
        assertThat(e.rule()).as(digits).isEqualTo("decimal");
      }
    }
  }

  @Test
  void textConversion_booleanOrNumber_becomesTextFirst() {
    for (CompiledMapping m : CUSTOMER) {
      MappingResult r = m.apply(customer("company_name", Json.nodes().booleanNode(true)));
      assertThat(r.field("CustomerName").textValue()).isEqualTo("true");

      MappingResult n = m.apply(customer("last_name", Json.nodes().numberNode(
          new BigDecimal("12345678901234.5"))));
      assertThat(n.field("ShortName").textValue()).isEqualTo("1234567890");

      MappingResult e = m.apply(customer("external_id", Json.nodes().numberNode(
          new BigDecimal("1E+3"))));
      assertThat(e.field("CustomerNumber").textValue()).isEqualTo("1000");
    }
  }

  @Test
  void join_numberPart_isItsPlainTextAndOutOfBoundsIsAnError() {
    CompiledMapping m = Mapping.builder("m").rule(Rules.join(" ", "a", "b").to("J")).build();

    assertThat(m.apply(Json.object().put("a", new BigDecimal("1E+2")).put("b", true))
        .field("J").textValue()).isEqualTo("100 true");
    assertThat(onlyError(m.apply(Json.object().put("a", new BigDecimal("1E-999999999"))), "a")
        .rule()).isEqualTo("join");
  }

  @Test
  void range_outOfBoundsNumber_isFieldErrorNotAComparison() {
    CompiledMapping m = Mapping.builder("m").copy("n", "N")
        .validate(FieldValidation.field("N").range(BigDecimal.ZERO, BigDecimal.TEN)).build();

    assertThat(m.apply(Json.object().put("n", "1e-999999999")).errors())
        .singleElement().satisfies(e -> assertThat(e.rule()).isEqualTo("range"));
  }

  @Test
  void currency_rateOutOfBounds_isFieldErrorNotOutOfMemory() {
    CompiledMapping m = Mapping.builder("m")
        .rates((from, to, date) -> java.util.Optional.of(new BigDecimal("1e-999999999")))
        .rule(Rules.copy("amount").currency(CurrencyConversion.to("CAD").from("USD")
            .dateField("date")).to("Amount"))
        .build();

    MappingResult r = m.apply(Json.object().put("amount", "10").put("date", "2026-01-01"));

    assertThat(onlyError(r, "amount").message()).contains("exchange rate");
  }

  @Test
  void decimal_scaleBeyondSixty_isRefusedAtDefinition() {
    assertThatThrownBy(() -> Rules.copy("a").decimal(999_999_999, java.math.RoundingMode.HALF_UP,
        NumberOutput.NUMBER)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CurrencyConversion.to("CAD").from("USD").scale(61).dateField("d"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lines_nestedDeeperThanTheLimitInJava_isRefusedAtDefinition() {
    CompiledMapping m = Mapping.builder("leaf").copy("a", "A").build();
    for (int i = 0; i < LinesRule.MAX_NESTING; i++) {
      m = Mapping.builder("l" + i).rule(Rules.lines("lines", "Lines", m)).build();
    }
    CompiledMapping deepest = m;

    assertThatThrownBy(() -> Rules.lines("lines", "Lines", deepest))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nest deeper");
  }

  @Test
  void constant_treeTooDeepOrWithBadText_isRefusedAtDefinition() {
    assertThatThrownBy(() -> Rules.constant(deep(OutputCheck.MAX_DEPTH + 5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested deeper");
    assertThatThrownBy(() -> Rules.constant(Json.nodes().numberNode(new BigDecimal("1e-99"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of bounds");
  }

  @Test
  void functionInputTooDeep_isFieldErrorBeforeTheFunctionRuns() {
    int[] calls = {0};
    CompiledMapping m = Mapping.builder("m")
        .functions(MappingFunctions.builder().register("f", in -> {
          calls[0]++;
          return in.deepCopy();
        }).build())
        .rule(Rules.copy("a").function("f").to("A")).build();

    MappingResult r = m.apply(Json.object().set("a", deep(10_000)));

    assertThat(onlyError(r, "a.x.x.x.x.x.x.x.x.x.x" + ".x".repeat(OutputCheck.MAX_DEPTH - 10))
        .rule()).isEqualTo("depth");
    assertThat(calls[0]).isZero();
  }

  @Test
  void hugeContainerValue_fieldErrorShowsAShortPreview() {
    CompiledMapping m = Mapping.builder("m").rule(Rules.copy("a").valueMap(java.util.Map.of(
        "x", "X")).to("A")).build();
    ObjectNode big = Json.object();
    for (int i = 0; i < 100_000; i++) {
      big.put("k" + i, i);
    }

    FieldError e = onlyError(m.apply(Json.object().set("a", big)), "a");

    assertThat(e.value()).startsWith("{\"k0\":0,").hasSizeLessThan(210);
  }

  @Test
  void sourceRecord_notMutatedByAnyOfTheAbove() {
    ObjectNode record = customer("company_name", Json.nodes().textNode("A\uD800"));
    ObjectNode before = record.deepCopy();

    CUSTOMER.get(0).apply(record);

    assertThat(record).isEqualTo(before);
    assertThat(json("{\"a\":1}")).isNotNull();
  }
}
