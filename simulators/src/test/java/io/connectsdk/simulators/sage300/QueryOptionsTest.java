package io.connectsdk.simulators.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryOptionsTest {
  private static final Set<String> FIELDS = Set.of("A", "B");

  @Test
  void parse_allOptions_decoded() {
    QueryOptions o = QueryOptions.parse(
        "$top=5&$skip=10&$count=true&$select=A,%20B&$filter=A%20eq%20'x+y'&custom=1", FIELDS::contains);
    assertThat(o.top()).isEqualTo(5);
    assertThat(o.skip()).isEqualTo(10);
    assertThat(o.count()).isTrue();
    assertThat(o.select()).containsExactly("A", "B");
    ObjectNodeProbe.assertMatches(o.filter(), "A", "x y");
    assertThat(o.others())
        .containsExactly("$count=true", "$select=A,%20B", "$filter=A%20eq%20'x+y'", "custom=1");
  }

  @Test
  void parse_none_defaults() {
    assertThat(QueryOptions.parse(null, FIELDS::contains)).isEqualTo(QueryOptions.NONE);
    assertThat(QueryOptions.parse("", FIELDS::contains).onlySelect()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "$top=1&$top=2", "$filter=A eq 1&$filter=B eq 1", "$top=-1", "$top=x", "$skip=1.5",
    "$count=yes", "$select=C", "$select=A,,B", "$orderby=A", "$expand=B", "$bogus=1",
    "$filter=A eq", "%ZZ=1"})
  void parse_badOption_invalidParameters(String query) {
    assertThatThrownBy(() -> QueryOptions.parse(query, FIELDS::contains))
        .isInstanceOfSatisfying(SageError.class, e -> {
          assertThat(e.status).isEqualTo(400);
          assertThat(e.code).isEqualTo("InvalidParameters");
        });
  }
}
