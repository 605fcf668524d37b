package io.connectsdk.core.mapping.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPairSuggesterTest {

  @Test
  void suggest_bngCustomerToSage300_pairsBySameNameAndSynonyms() {
    List<String> bng = List.of("email", "phone", "billing_address.postal_code",
        "billing_address.city", "billing_address.state", "credit_limit", "payment_terms", "name",
        "currency", "status");
    List<String> sage = List.of("CustomerName", "EmailAddress", "TelephoneNo", "ZipPostalCode",
        "City", "StateProvince", "CreditLimitCustomerCurrency", "Terms", "CurrencyCode", "Status",
        "DateLastMaintained");

    List<FieldPair> pairs = FieldPairSuggester.defaults().suggest(bng, sage);

    assertThat(pairs).extracting(FieldPair::source, FieldPair::target, FieldPair::score)
        .containsExactly(
            tuple("billing_address.city", "City", 1.0),
            tuple("status", "Status", 1.0),
            tuple("billing_address.postal_code", "ZipPostalCode", 0.95),
            tuple("billing_address.state", "StateProvince", 0.95),
            tuple("credit_limit", "CreditLimitCustomerCurrency", 0.95),
            tuple("currency", "CurrencyCode", 0.95),
            tuple("email", "EmailAddress", 0.95),
            tuple("name", "CustomerName", 0.95),
            tuple("payment_terms", "Terms", 0.95),
            tuple("phone", "TelephoneNo", 0.95));
    assertThat(pairs.get(2).reason()).isEqualTo("synonyms 'postalcode' and 'zippostalcode'");
  }

  @Test
  void suggest_eachTargetAtMostOnce_bestSourceWins() {
    List<FieldPair> pairs = FieldPairSuggester.defaults()
        .suggest(List.of("phone", "telephone", "Phone"), List.of("Phone"));

    assertThat(pairs).extracting(FieldPair::source, FieldPair::target)
        .containsExactly(tuple("Phone", "Phone"));
  }

  @Test
  void score_similarNames_combineJaroWinklerAndTokenOverlap() {
    FieldPairSuggester s = FieldPairSuggester.defaults();

    FieldPair close = s.score("unit_of_measure", "UnitOfMeasure2");
    FieldPair far = s.score("first_name", "DateLastMaintained");

    assertThat(close.score()).isGreaterThan(0.8);
    assertThat(close.reason()).startsWith("similar names (jaro-winkler");
    assertThat(far.score()).isLessThan(0.5);
    assertThat(s.suggest(List.of("first_name"), List.of("DateLastMaintained"))).isEmpty();
  }

  @Test
  void builder_customSynonymsAndThreshold_apply() {
    FieldPairSuggester s = FieldPairSuggester.builder().noDefaultSynonyms()
        .synonyms("external_id", "CustomerNumber").threshold(0.9).build();

    assertThat(s.suggest(List.of("external_id", "zip"), List.of("CustomerNumber", "ZipPostalCode")))
        .extracting(FieldPair::source, FieldPair::target)
        .containsExactly(tuple("external_id", "CustomerNumber"));
    assertThat(s.score("zip", "ZipPostalCode").score()).isLessThan(0.95);
    assertThatThrownBy(() -> FieldPairSuggester.builder().threshold(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void names_tokenizeEveryConvention() {
    assertThat(Names.tokens("ZipPostalCode")).containsExactly("zip", "postal", "code");
    assertThat(Names.tokens("billing-address_line2")).containsExactly("billing", "address", "line", "2");
    assertThat(Names.tokens("SKUCode")).containsExactly("sku", "code");
    assertThat(Names.compact("postal_code")).isEqualTo(Names.compact("PostalCode"));
  }

  @Test
  void jaroWinkler_knownValues() {
    assertThat(JaroWinkler.similarity("MARTHA", "MARHTA")).isCloseTo(0.9611, within());
    assertThat(JaroWinkler.similarity("DIXON", "DICKSONX")).isCloseTo(0.8133, within());
    assertThat(JaroWinkler.similarity("ABC", "ABC")).isEqualTo(1.0);
    assertThat(JaroWinkler.similarity("ABC", "XYZ")).isEqualTo(0.0);
    assertThat(JaroWinkler.similarity("", "A")).isEqualTo(0.0);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.0001);
  }
}
