package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static io.connectsdk.core.mapping.ValueRuleTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NumberAndDateRuleTest {

  private static JsonNode one(RuleSpec<?> rule, String source) {
    MappingResult r = map(rule, source);
    assertThat(r.errors()).isEmpty();
    return r.fields().get("X");
  }

  @Test
  void decimal_textOrNumber_rescalesExactlyWithoutDouble() {
    JsonNode sum = one(Rules.copy("a").decimal(2).to("X"), "{\"a\": \"0.30\"}");
    BigDecimal tenth = one(Rules.copy("a").decimal(2).to("X"), "{\"a\": \"0.10\"}").decimalValue();
    BigDecimal fifth = one(Rules.copy("a").decimal(2).to("X"), "{\"a\": 0.20}").decimalValue();

    assertThat(tenth.add(fifth)).isEqualTo(sum.decimalValue()).isEqualTo(new BigDecimal("0.30"));
    assertThat(sum.isBigDecimal()).isTrue();
    assertThat(one(Rules.copy("a").decimal(2).to("X"), "{\"a\": 5000}").toString())
        .isEqualTo("5000.00");
  }

  @Test
  void decimal_textOutputAndRoundingMode_areHonoured() {
    assertThat(one(Rules.copy("a").decimal(2, RoundingMode.HALF_EVEN, NumberOutput.TEXT).to("X"),
        "{\"a\": \"2.345\"}").asText()).isEqualTo("2.34");
    assertThat(one(Rules.copy("a").decimal(2, RoundingMode.HALF_UP, NumberOutput.TEXT).to("X"),
        "{\"a\": \"5000\"}").asText()).isEqualTo("5000.00");
    assertThat(one(Rules.copy("a").decimal(-1, RoundingMode.HALF_UP, NumberOutput.TEXT).to("X"),
        "{\"a\": \"1E+3\"}").asText()).isEqualTo("1000");
  }

  @Test
  void decimal_badInput_isFieldErrorNeverException() {
    ValueRule rule = Rules.copy("a").decimal(2).to("X");
    for (String bad : new String[] {"\"abc\"", "\"5,000.00\"", "true", "[1]", "{}",
        "\"1e999999999\"", "\"" + "9".repeat(200) + "\""}) {
      assertThat(map(rule, "{\"a\": " + bad + "}").errors()).as(bad)
          .extracting(FieldError::rule).containsExactly("decimal");
    }
    assertThat(map(Rules.copy("a").decimal(0, RoundingMode.UNNECESSARY, NumberOutput.NUMBER)
        .to("X"), "{\"a\": \"2.5\"}").errors()).extracting(FieldError::message)
        .containsExactly("has more than 0 decimal places");
  }

  @Test
  void date_isoInstant_toSage300AndSage100Dates() {
    String src = "{\"d\": \"2026-11-22T10:00:00.000Z\"}";

    assertThat(one(Rules.copy("d").date(DateConversion.to("yyyy-MM-dd")).to("X"), src).asText())
        .isEqualTo("2026-11-22");
    assertThat(one(Rules.copy("d").date(DateConversion.to("yyyyMMdd")).to("X"), src).asText())
        .isEqualTo("20261122");
    assertThat(one(Rules.copy("d").date(DateConversion.to("yyyy-MM-dd HH:mm")
        .zone(ZoneId.of("Asia/Tokyo"))).to("X"), src).asText()).isEqualTo("2026-11-22 19:00");
    assertThat(one(Rules.copy("d").date(DateConversion.to("yyyy-MM-dd")
        .zone(ZoneId.of("America/Los_Angeles"))).to("X"), "{\"d\": \"2026-11-22T03:00:00Z\"}")
        .asText()).isEqualTo("2026-11-21");
  }

  @Test
  void date_isoOffsetsAndZoneIds_sameInstantWhicheverParserReadsIt() {
    ValueRule utc = Rules.copy("d").date(DateConversion.iso().zone(ZoneId.of("UTC"))).to("X");

    assertThat(one(utc, "{\"d\": \"2026-11-22T05:30:00-05:00\"}").asText())
        .isEqualTo("2026-11-22T10:30:00Z");
    assertThat(one(utc, "{\"d\": \"2026-11-22T11:30:00.250+01:00\"}").asText())
        .isEqualTo("2026-11-22T10:30:00.25Z");
    assertThat(one(utc, "{\"d\": \"2026-11-22T11:30:00+01:00[Europe/Paris]\"}").asText())
        .isEqualTo("2026-11-22T10:30:00Z");
  }

  @Test
  void date_patternInputAndIsoOutput_convertLocalTimesFromInputZone() {
    DateConversion sage100 = DateConversion.iso().from("yyyyMMdd");
    assertThat(one(Rules.copy("d").date(sage100).to("X"), "{\"d\": \"20261122\"}").asText())
        .isEqualTo("2026-11-22");
    DateConversion local = DateConversion.iso().inputZone(ZoneId.of("America/Toronto"))
        .zone(ZoneId.of("UTC"));
    assertThat(one(Rules.copy("d").date(local).to("X"), "{\"d\": \"2026-11-22T10:00:00\"}")
        .asText()).isEqualTo("2026-11-22T15:00:00Z");
  }

  @Test
  void date_invalidValues_areFieldErrors() {
    ValueRule rule = Rules.copy("d").date(DateConversion.to("yyyy-MM-dd")).to("X");
    for (String bad : new String[] {"\"2026-02-30\"", "\"2026-02-30T10:00:00Z\"", "\"22/11/2026\"",
        "\"\\u0000\"", "20261122", "{}"}) {
      assertThat(map(rule, "{\"d\": " + bad + "}").errors()).as(bad)
          .extracting(FieldError::rule).containsExactly("date");
    }
    assertThat(map(Rules.copy("d").date(DateConversion.to("HH:mm")).to("X"),
        "{\"d\": \"2026-11-22\"}").errors()).extracting(FieldError::message)
        .containsExactly("lacks the parts the output pattern needs");
    assertThatThrownBy(() -> Rules.copy("d").date(DateConversion.to("yyyy-MM-dd qqqqq bad {")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void currency_convertsAtRateOfRecordDate() {
    RateProvider rates = (from, to, date) -> from.equals("USD") && to.equals("CAD")
        && date.toString().equals("2026-11-22") ? Optional.of(new BigDecimal("1.3912"))
        : Optional.empty();
    CompiledMapping m = Mapping.builder("t").rates(rates)
        .rule(Rules.copy("total").currency(CurrencyConversion.to("CAD").fromField("currency")
            .dateField("order_date")).to("X"))
        .build();

    MappingResult ok = m.apply(json(
        "{\"total\": \"100.10\", \"currency\": \"USD\", \"order_date\": \"2026-11-22T23:00:00Z\"}"));
    MappingResult same = m.apply(json("{\"total\": \"0.10\", \"currency\": \"CAD\"}"));
    MappingResult noRate = m.apply(json(
        "{\"total\": \"1\", \"currency\": \"EUR\", \"order_date\": \"2026-11-22\"}"));
    MappingResult noDate = m.apply(json("{\"total\": \"1\", \"currency\": \"USD\"}"));

    assertThat(ok.fields().get("X").decimalValue()).isEqualTo(new BigDecimal("139.26"));
    assertThat(same.fields().get("X").decimalValue()).isEqualTo(new BigDecimal("0.10"));
    assertThat(noRate.errors()).extracting(FieldError::message)
        .containsExactly("no exchange rate from EUR to CAD on 2026-11-22");
    assertThat(noDate.errors()).extracting(FieldError::path).containsExactly("order_date");
  }

  @Test
  void currency_fixedSourceCurrencyAndTextOutput() {
    CompiledMapping m = Mapping.builder("t")
        .rates((from, to, date) -> Optional.of(new BigDecimal("0.5")))
        .rule(Rules.copy("amount").currency(CurrencyConversion.to("EUR").from("USD").scale(3)
            .output(NumberOutput.TEXT).dateField("date")).to("X"))
        .build();

    assertThat(m.apply(json("{\"amount\": 3, \"date\": \"2026-01-01\"}")).fields().get("X")
        .asText()).isEqualTo("1.500");
    assertThat(m.apply(json("{\"amount\": \"x\", \"date\": \"2026-01-01\"}")).errors())
        .extracting(FieldError::rule).containsExactly("currency");
    assertThatThrownBy(() -> Mapping.builder("t").rule(Rules.copy("a").currency(
        CurrencyConversion.to("EUR").from("USD").dateField("d")).to("X")).build())
        .hasMessageContaining("needs a RateProvider");
  }
}
