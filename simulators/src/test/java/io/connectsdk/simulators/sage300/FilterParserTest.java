package io.connectsdk.simulators.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {
  private static final Set<String> FIELDS =
      Set.of("CustomerNumber", "CustomerName", "Credit", "DateLastMaintained", "OrderDate",
          "OnHold", "Email");

  private static ObjectNode record() {
    ObjectNode r = SimJson.object();
    r.put("CustomerNumber", "1200");
    r.put("CustomerName", "O'Brien Supplies");
    r.put("Credit", new java.math.BigDecimal("99.99"));
    r.put("DateLastMaintained", "2016-12-31T00:00:00Z");
    r.put("OrderDate", "2020-01-15");
    r.put("OnHold", false);
    r.putNull("Email");
    return r;
  }

  private static boolean eval(String filter) {
    return FilterParser.parse(filter, FIELDS::contains).test(record());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "CustomerNumber eq '1200'|true", "CustomerNumber eq '1201'|false",
    "CustomerNumber ne '1201'|true", "CustomerNumber ne '1200'|false",
    "CustomerNumber gt '1100'|true", "CustomerNumber gt '1200'|false",
    "CustomerNumber ge '1200'|true", "CustomerNumber ge '1201'|false",
    "CustomerNumber lt '1300'|true", "CustomerNumber lt '1200'|false",
    "CustomerNumber le '1200'|true", "CustomerNumber le '1199'|false"})
  void comparison_eachOperatorOnStrings_matchesOrdinalOrder(String filter, boolean expected) {
    assertThat(eval(filter)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Credit eq 99.99m|true", "Credit eq 99.99|true", "Credit eq 99.990M|true",
    "Credit gt 99|true", "Credit lt 100|true", "Credit ge 99.99m|true", "Credit le 99.98m|false",
    "Credit ne -5|true", "Credit gt 1e2|false"})
  void comparison_decimalLiterals_compareExactly(String filter, boolean expected) {
    assertThat(eval(filter)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "DateLastMaintained ge datetime'2016-12-31T00:00'|true",
    "DateLastMaintained gt datetime'2016-12-31T00:00:00'|false",
    "DateLastMaintained gt datetime'2015-12-31T12:00'|true",
    "DateLastMaintained ge 2016-12-31T00:00:00Z|true",
    "DateLastMaintained lt 2016-12-31T00:00:00Z|false",
    "DateLastMaintained eq 2016-12-31T01:00:00+01:00|true",
    "DateLastMaintained eq datetimeoffset'2016-12-31T00:00:00Z'|true",
    "OrderDate eq 2020-01-15|true",
    "OrderDate lt datetime'2020-01-15T00:00:01'|true"})
  void comparison_datetimeLiterals_bothForms(String filter, boolean expected) {
    assertThat(eval(filter)).isEqualTo(expected);
  }

  @Test
  void literal_doubledQuote_matchesApostrophe() {
    assertThat(eval("CustomerName eq 'O''Brien Supplies'")).isTrue();
    assertThat(eval("substringof('''Brien', CustomerName)")).isTrue();
  }

  @Test
  void functions_stringFunctions_evaluate() {
    assertThat(eval("substringof('Brien', CustomerName)")).isTrue();
    assertThat(eval("substringof('brien', CustomerName)")).isFalse();
    assertThat(eval("substringof('Brien', CustomerName) eq true")).isTrue();
    assertThat(eval("startswith(CustomerName, 'O''B')")).isTrue();
    assertThat(eval("endswith(CustomerName, 'Supplies')")).isTrue();
    assertThat(eval("endswith(CustomerName, 'O')")).isFalse();
    assertThat(eval("length(CustomerName) eq 16")).isTrue();
    assertThat(eval("contains(tolower(CustomerName), 'brien')")).isTrue();
  }

  @Test
  void logical_andBindsTighterThanOr() {
    assertThat(eval("CustomerNumber eq 'x' and Credit gt 1 or OnHold eq false")).isTrue();
    assertThat(eval("CustomerNumber eq 'x' and (Credit gt 1 or OnHold eq false)")).isFalse();
    assertThat(eval("(CustomerNumber eq '1200' or CustomerNumber eq '1300') and OnHold eq false"))
        .isTrue();
    assertThat(eval("not (CustomerNumber eq '1200')")).isFalse();
  }

  @Test
  void nulls_onlyEqualNull() {
    assertThat(eval("Email eq null")).isTrue();
    assertThat(eval("Email ne null")).isFalse();
    assertThat(eval("Email gt 'a'")).isFalse();
    assertThat(eval("CustomerNumber ne null")).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "CustomerNumber eq", "CustomerNumber eq '1200' and", "(CustomerNumber eq '1200'",
    "CustomerNumber eq '1200')", "CustomerNumber eq 'open", "CustomerNumber Eq '1200'",
    "Unknown eq 1", "frobnicate(CustomerNumber)", "startswith(CustomerNumber)",
    "CustomerNumber eq 1200", "Credit eq '99.99'", "CustomerNumber", "CustomerNumber eq #",
    "DateLastMaintained eq datetime'2016-13-45T00:00'", "and eq 1"})
  void parse_badFilter_invalidParameters(String filter) {
    assertThatThrownBy(() -> eval(filter))
        .isInstanceOfSatisfying(SageError.class, e -> {
          assertThat(e.status).isEqualTo(400);
          assertThat(e.code).isEqualTo("InvalidParameters");
        });
  }
}
