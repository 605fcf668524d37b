package io.connectsdk.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One test per broken mapping document the review found. */
class HostileDocumentTest {
  private static final MappingLoader LOADER = MappingLoader.defaults();

  private static MappingDefinitionException error(String document) {
    try {
      LOADER.load(document);
    } catch (MappingDefinitionException e) {
      MappingDefinitionException fromStream = null;
      try {
        LOADER.load(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
      } catch (MappingDefinitionException s) {
        fromStream = s;
      }
      assertThat(fromStream).as("stream entry point").isNotNull();
      assertThat(fromStream.path()).isEqualTo(e.path());
      return e;
    }
    throw new AssertionError("loaded: " + document);
  }

  private static String rules(String rules) {
    return "{\"name\": \"t\", \"rules\": [" + rules + "]}";
  }

  @Test
  void load_ruleWithTwoToKeys_rejectedAtTheDuplicate() {
    MappingDefinitionException e = error(rules("{\"copy\": \"a\", \"to\": \"A\", \"to\": \"B\"}"));

    assertThat(e.path()).isEqualTo("rules[0].to");
    assertThat(e.reason()).startsWith("duplicate key 'to'").contains("line 1, column");
  }

  @Test
  void load_twoRulesArrays_rejectedInsteadOfDroppingTheFirst() {
    MappingDefinitionException e = error("{\"name\": \"t\", \"rules\": [{\"copy\": \"a\", \"to\":"
        + " \"A\"}],\n \"rules\": []}");

    assertThat(e.path()).isEqualTo("rules");
    assertThat(e.reason()).contains("duplicate key 'rules'").contains("line 2");
  }

  @Test
  void load_maxLengthTwice_rejectedWithItsPath() {
    MappingDefinitionException e = error(rules("{\"copy\": \"a\", \"to\": \"A\"}")
        .replace("]}", "], \"validate\": [{\"field\": \"A\", \"maxLength\": 5,"
            + " \"maxLength\": 500000}]}"));

    assertThat(e.path()).isEqualTo("validate[0].maxLength");
  }

  @Test
  void load_syntaxError_saysLineColumnAndThePathSoFar() {
    MappingDefinitionException e = error("{\"name\": \"t\",\n \"rules\": [\n  {\"copy\": \"a\""
        + " \"to\": \"A\"}]}");

    assertThat(e.path()).isEqualTo("rules[0].copy");
    assertThat(e.reason()).startsWith("not valid JSON: ").contains("(line 3, column");
  }

  @Test
  void load_truncatedOrTrailingGarbage_isLocatedSyntaxError() {
    assertThat(error("{\"name\": \"t\", \"rules\": [").reason()).contains("line 1");
    assertThat(error(rules("") + " {}").reason()).contains("not valid JSON").contains("column");
    assertThat(error("").path()).isEmpty();
  }

  @Test
  void load_whenEmptyArray_rejectedInsteadOfAlways() {
    MappingDefinitionException e = error(rules("{\"copy\": \"a\", \"to\": \"A\", \"when\": []}"));

    assertThat(e.path()).isEqualTo("rules[0].when");
    assertThat(e.reason()).contains("non-empty array");
  }

  @Test
  void load_badRoundingMode_listsTheValidOnes() {
    MappingDefinitionException e = error(rules("{\"decimal\": 2, \"from\": \"a\", \"to\": \"A\","
        + " \"rounding\": \"BANKERS\"}"));

    assertThat(e.path()).isEqualTo("rules[0].rounding");
    assertThat(e.reason()).doesNotContain("No enum constant").contains("'BANKERS'")
        .contains("HALF_EVEN").contains("UNNECESSARY");
  }

  @Test
  void load_badDatePatterns_reportedAtTheirKeys() {
    assertThat(error(rules("{\"date\": \"yyyy-MM-dd {\", \"from\": \"d\", \"to\": \"D\"}")).path())
        .isEqualTo("rules[0].date");
    assertThat(error(rules("{\"date\": \"ISO\", \"inputPattern\": \"dd/MM/yyyy {\", \"from\":"
        + " \"d\", \"to\": \"D\"}")).path()).isEqualTo("rules[0].inputPattern");
  }

  @Test
  void load_errorsNameTheBadKeyNotASibling() {
    assertThat(error(rules("{\"addressSplit\": \"a..b\", \"to\": [\"L1\"]}")).path())
        .isEqualTo("rules[0].addressSplit");
    assertThat(error(rules("{\"addressSplit\": \"a\", \"separator\": \"\", \"to\": [\"L1\"]}"))
        .path()).isEqualTo("rules[0].separator");
    assertThat(error(rules("{\"split\": \"a\", \"separator\": \"\", \"to\": [\"A\", \"B\"]}"))
        .path()).isEqualTo("rules[0].separator");
    assertThat(error(rules("{\"addressJoin\": \"a\", \"street\": [\"l1\"], \"toLines\":"
        + " [\"A..B\"]}")).path()).isEqualTo("rules[0].toLines");
    assertThat(error(rules("{\"lines\": \"l\", \"to\": \"A..B\", \"mapping\": {\"rules\": []}}"))
        .path()).isEqualTo("rules[0].to");
    assertThat(error(rules("{\"currency\": \"CAD\", \"fromCurrency\": \"USD\", \"dateField\":"
        + " \"d..x\", \"from\": \"a\", \"to\": \"A\"}")).path()).isEqualTo("rules[0].dateField");
    assertThat(error(rules("{\"currency\": \"CAD\", \"fromCurrency\": \"USD\", \"dateField\":"
        + " \"d\", \"scale\": 99, \"from\": \"a\", \"to\": \"A\"}")).path())
        .isEqualTo("rules[0].scale");
    assertThat(error(rules("{\"copy\": \"a\", \"to\": \"A\"}").replace("]}", "], \"validate\":"
        + " [{\"field\": \"A\", \"min\": 5, \"max\": 1}]}")).path()).isEqualTo("validate[0].max");
  }

  @Test
  void load_decimalScaleHuge_rejectedAtDecimal() {
    assertThat(error(rules("{\"decimal\": 999999999, \"from\": \"a\", \"to\": \"A\"}")).path())
        .isEqualTo("rules[0].decimal");
  }

  @Test
  void load_documentContainingItself_rejectedNotStackOverflow() {
    ObjectNode doc = Json.object().put("name", "t");
    ObjectNode lines = doc.putArray("rules").addObject().put("lines", "l").put("to", "L");
    lines.set("mapping", doc); // the document holds itself

    assertThatThrownBy(() -> LOADER.load(doc)).isInstanceOf(MappingDefinitionException.class)
        .hasMessageContaining("nested deeper")
        .satisfies(e -> assertThat(((MappingDefinitionException) e).path())
            .startsWith("rules[0].mapping.rules[0].mapping"));
  }

  @Test
  void load_constantContainingItself_rejectedNotStackOverflow() {
    ObjectNode doc = Json.object().put("name", "t");
    ObjectNode rule = doc.putArray("rules").addObject().put("to", "A");
    ArrayNode loop = rule.putArray("constant");
    loop.add(loop);

    assertThatThrownBy(() -> LOADER.load(doc)).isInstanceOf(MappingDefinitionException.class)
        .satisfies(e -> assertThat(((MappingDefinitionException) e).path())
            .startsWith("rules[0].constant[0][0]"));
  }

  @Test
  void load_twoThousandNestedLineMappings_rejectedAtTheLimit() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      sb.append("{\"name\": \"n\", \"rules\": [{\"lines\": \"l\", \"to\": \"L\", \"mapping\": ");
    }
    sb.append("{\"rules\": []}");
    for (int i = 0; i < 2000; i++) {
      sb.append("}]}");
    }

    MappingDefinitionException e = error(sb.toString());

    assertThat(e.path()).startsWith("rules[0].mapping.rules[0]");
    assertThat(e.reason()).containsAnyOf("nesting depth", "nested deeper");
  }

  @Test
  void load_seventeenNestedLineMappings_rejectedAsTooDeep() {
    String doc = "{\"rules\": []}";
    for (int i = 0; i <= LinesRule.MAX_NESTING; i++) {
      doc = "{\"name\": \"n\", \"rules\": [{\"lines\": \"l\", \"to\": \"L\", \"mapping\": " + doc
          + "}]}";
    }

    MappingDefinitionException e = error(doc);

    assertThat(e.reason()).contains("line mappings nest deeper than " + LinesRule.MAX_NESTING);
    assertThat(e.path()).endsWith(".mapping").startsWith("rules[0].mapping.rules[0]");
  }

  @Test
  void load_tableValueWithControlCharacter_rejectedAtTheEntry() {
    assertThat(error("{\"name\": \"t\", \"tables\": {\"t\": {\"a\": \"x\\u0000\"}}, \"rules\":"
        + " []}").path()).isEqualTo("tables.t.a");
  }
}
