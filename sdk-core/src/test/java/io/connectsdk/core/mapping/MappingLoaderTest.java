package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.InMemoryKeyMap;
import io.connectsdk.core.store.KeyMap;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingLoaderTest {
  private static final String BASE = "{\"name\": \"t\", \"rules\": [%s]}";

  private static MappingLoader loader() {
    KeyMap keyMap = new InMemoryKeyMap();
    keyMap.link(new RecordRef("bng", EntityType.ITEM, "itm_1"),
        new RecordRef("sage300", EntityType.ITEM, "A1-103"));
    return MappingLoader.builder()
        .keyMap(keyMap)
        .rates((from, to, date) -> Optional.of(new BigDecimal("2")))
        .table("uom", Map.of("each", "EA"))
        .functions(MappingFunctions.builder()
            .register("size", in -> Json.nodes().numberNode(in.size())).build())
        .build();
  }

  private static MappingDefinitionException error(String document) {
    try {
      loader().load(document);
    } catch (MappingDefinitionException e) {
      return e;
    }
    throw new AssertionError("document loaded: " + document);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"copy\": \"a\"} | rules[0].to | is required",
      "{\"copy\": \"a\", \"to\": 5} | rules[0].to | expected a non-empty string",
      "{\"copy\": \"a\", \"to\": \"A\", \"tp\": 1} | rules[0].tp | unknown key",
      "{\"to\": \"A\"} | rules[0] | no rule kind",
      "{\"copy\": \"a\", \"constant\": 1, \"to\": \"A\"} | rules[0] | has two rule kinds",
      "{\"copy\": \"a..b\", \"to\": \"A\"} | rules[0].copy | empty segment",
      "{\"valueMap\": [], \"from\": \"s\", \"to\": \"S\"} | rules[0].valueMap | non-empty object",
      "{\"valueMap\": {\"a\": 1}, \"from\": \"s\", \"to\": \"S\", \"strict\": true, \"otherwise\": 2}"
          + " | rules[0].strict | cannot be true",
      "{\"lookup\": \"nope\", \"from\": \"s\", \"to\": \"S\"} | rules[0].lookup | unknown lookup table",
      "{\"decimal\": \"2\", \"from\": \"s\", \"to\": \"S\"} | rules[0].decimal | expected an integer",
      "{\"decimal\": 2, \"from\": \"s\", \"to\": \"S\", \"rounding\": \"UP_ISH\"} | rules[0].rounding"
          + " | unknown rounding mode 'UP_ISH' (valid: [UP, DOWN, CEILING, FLOOR, HALF_UP,",
      "{\"decimal\": 2, \"from\": \"s\", \"to\": \"S\", \"output\": \"float\"} | rules[0].output"
          + " | expected 'number' or 'string'",
      "{\"date\": \"yyyy-MM-dd {\", \"from\": \"d\", \"to\": \"D\"} | rules[0].date | ",
      "{\"date\": \"ISO\", \"from\": \"d\", \"to\": \"D\", \"zone\": \"Mars/Base\"} | rules[0].zone"
          + " | Mars/Base",
      "{\"crossRef\": {\"sourceSystem\": \"bng\", \"type\": \"Bad Type\", \"targetSystem\": \"x\"},"
          + " \"from\": \"a\", \"to\": \"A\"} | rules[0].crossRef.type | entity type name",
      "{\"crossRef\": \"bng\", \"from\": \"a\", \"to\": \"A\"} | rules[0].crossRef | expected an object",
      "{\"currency\": \"CAD\", \"from\": \"a\", \"to\": \"A\"} | rules[0].currency"
          + " | exactly one of fromCurrency and fromCurrencyField",
      "{\"currency\": \"CAD\", \"from\": \"a\", \"fromCurrency\": \"USD\", \"to\": \"A\"}"
          + " | rules[0].dateField | is required",
      "{\"function\": \"nope\", \"from\": \"a\", \"to\": \"A\"} | rules[0].function | unknown function",
      "{\"split\": \"n\", \"to\": [\"a\"]} | rules[0].to | expected [first, rest]",
      "{\"split\": \"n\", \"separator\": 1, \"to\": [\"a\", \"b\"]} | rules[0].separator | expected a string",
      "{\"addressJoin\": \"a\"} | rules[0] | needs lines(...) or field(...)",
      "{\"addressJoin\": \"a\", \"fields\": {\"city\": 3}} | rules[0].fields.city | non-empty string",
      "{\"addressSplit\": \"a\", \"to\": []} | rules[0].to | non-empty array",
      "{\"lines\": \"lines\", \"to\": \"D\", \"mapping\": {\"rules\": [{\"copy\": \"x\"}]}}"
          + " | rules[0].mapping.rules[0].to | is required",
      "{\"lines\": \"lines\", \"to\": \"D\"} | rules[0].mapping | is required",
      "{\"copy\": \"a\", \"to\": \"A\", \"when\": {\"field\": \"s\"}} | rules[0].when"
          + " | expected exactly one of",
      "{\"copy\": \"a\", \"to\": \"A\", \"when\": [{\"field\": \"s\", \"matches\": \"(\"}]}"
          + " | rules[0].when[0].matches | Unclosed group",
      "{\"copy\": \"a\", \"to\": \"A\", \"truncate\": 0} | rules[0].truncate | must be >= 1",
      "{\"copy\": \"a\", \"to\": \"A\", \"case\": \"title\"} | rules[0].case | expected 'upper' or 'lower'",
      "5 | rules[0] | expected an object"})
  void load_invalidRule_saysWhereAndWhat(String rule, String path, String reason) {
    MappingDefinitionException e = error(String.format(BASE, rule));

    assertThat(e.path()).isEqualTo(path);
    assertThat(e.reason()).contains(reason == null ? "" : reason);
    assertThat(e.getMessage()).startsWith(path + ": ");
  }

  @Test
  void load_invalidDocuments_saySpecificPaths() {
    assertThat(error("{\"rules\": []}").path()).isEqualTo("name");
    assertThat(error("{\"name\": \"t\"}").path()).isEqualTo("rules");
    assertThat(error("{\"name\": \"t\", \"rules\": {}}").reason()).isEqualTo("expected an array");
    assertThat(error("{\"name\": \"t\", \"rules\": [], \"extra\": 1}").path()).isEqualTo("extra");
    assertThat(error("{\"name\": \"t\", \"rules\": [], \"tables\": {\"x\": {\"a\": [1]}}}").path())
        .isEqualTo("tables.x.a");
    assertThat(error("{\"name\": \"t\", \"rules\": [], \"validate\": [{\"field\": \"A\","
        + " \"maxLength\": -1}]}").path()).isEqualTo("validate[0].maxLength");
    assertThat(error("{\"name\": \"t\", \"rules\": [], \"validate\": [{\"field\": \"A\","
        + " \"min\": \"abc\"}]}").path()).isEqualTo("validate[0].min");
    assertThat(error("{\"name\": \"t\", \"rules\": [], \"validate\": [{\"field\": \"A\","
        + " \"oneOf\": [1]}]}").path()).isEqualTo("validate[0].oneOf[0]");
    assertThat(error("{\"name\": ").reason()).startsWith("not valid JSON");
    assertThat(error("[]").reason()).isEqualTo("expected an object");
  }

  @Test
  void load_everyRuleKind_matchesJavaBuiltMapping() {
    String doc = """
        {"name": "all",
         "tables": {"colour": {"R": "Red"}},
         "rules": [
           {"copy": "sku", "to": "Sku", "trim": true, "case": "lower", "truncate": 3},
           {"constant": {"k": [1]}, "to": "Obj"},
           {"join": ["a", "b"], "separator": "/", "to": "AB", "default": "none"},
           {"split": "name", "to": ["First", "Rest"]},
           {"split": "sku", "separator": "-", "index": 1, "to": "Colour"},
           {"lookup": "colour", "from": "colour", "to": "ColourName", "otherwise": "Other"},
           {"lookup": "uom", "from": "uom", "to": "Uom", "strict": false},
           {"valueMap": {"1": true}, "from": "flag", "to": "Flag", "strict": false},
           {"crossRef": {"sourceSystem": "bng", "type": "item", "targetSystem": "sage300"},
            "from": "item_id", "to": "ItemNumber", "optional": true},
           {"decimal": 3, "from": "price", "rounding": "DOWN", "output": "string", "to": "Price"},
           {"date": "ISO", "from": "day", "inputPattern": "dd.MM.yyyy", "to": "Day"},
           {"date": "HH:mm", "from": "at", "inputZone": "Europe/Oslo", "zone": "UTC", "to": "At"},
           {"currency": "EUR", "from": "price", "fromCurrency": "USD", "dateField": "day2",
            "scale": 1, "rounding": "HALF_EVEN", "output": "number", "to": "PriceEur"},
           {"function": "size", "from": ["a", "b", "c"], "to": "Size"},
           {"addressSplit": "addr", "separator": ";", "to": ["L1", "L2"],
            "when": [{"field": "addr", "present": true}, {"field": "sku", "notEquals": "x"}]},
           {"addressJoin": "ship", "street": ["s1"], "toLines": ["S1"], "fields": {"c": "City"},
            "when": {"field": "ship.c", "matches": "[A-Z].*"}},
           {"lines": "lines", "to": "Lines", "mapping": {"rules": [
             {"lookup": "colour", "from": "c", "to": "C"}], "validate": [
             {"field": "C", "oneOf": ["Red"]}]}}
         ],
         "validate": [{"field": "Sku", "required": true, "maxLength": 3, "pattern": "[a-z]+",
                       "oneOf": ["tsh"]}, {"field": "Price", "min": 0, "max": "100"}]}
        """;
    MappingLoader loader = loader();
    CompiledMapping fromJson = loader.load(doc);
    KeyMap keyMap = new InMemoryKeyMap();
    keyMap.link(new RecordRef("bng", EntityType.ITEM, "itm_1"),
        new RecordRef("sage300", EntityType.ITEM, "A1-103"));
    CompiledMapping line = Mapping.builder("all/Lines").table("colour", Map.of("R", "Red"))
        .rule(Rules.copy("c").lookup("colour").to("C"))
        .validate(FieldValidation.field("C").oneOf(java.util.List.of("Red"))).build();
    CompiledMapping built = Mapping.builder("all")
        .keyMap(keyMap)
        .rates((from, to, date) -> Optional.of(new BigDecimal("2")))
        .table("colour", Map.of("R", "Red")).table("uom", Map.of("each", "EA"))
        .functions(MappingFunctions.builder()
            .register("size", in -> Json.nodes().numberNode(in.size())).build())
        .rule(Rules.copy("sku").trim().lower().truncate(3).to("Sku"))
        .rule(Rules.constant(json("{\"k\": [1]}")).to("Obj"))
        .rule(Rules.join("/", "a", "b").orDefault("none").to("AB"))
        .rule(Rules.split("name", " ").firstRest("First", "Rest"))
        .rule(Rules.split("sku", "-").index(1, "Colour"))
        .rule(Rules.copy("colour").lookup("colour", "Other").to("ColourName"))
        .rule(Rules.copy("uom").lookupPassThrough("uom").to("Uom"))
        .rule(Rules.copy("flag").valueMapPassThrough(Map.of("1", true)).to("Flag"))
        .rule(Rules.copy("item_id").crossRef("bng", EntityType.ITEM, "sage300", true)
            .to("ItemNumber"))
        .rule(Rules.copy("price").decimal(3, java.math.RoundingMode.DOWN, NumberOutput.TEXT)
            .to("Price"))
        .rule(Rules.copy("day").date(DateConversion.iso().from("dd.MM.yyyy")).to("Day"))
        .rule(Rules.copy("at").date(DateConversion.to("HH:mm")
            .inputZone(java.time.ZoneId.of("Europe/Oslo")).zone(java.time.ZoneId.of("UTC")))
            .to("At"))
        .rule(Rules.copy("price").currency(CurrencyConversion.to("EUR").from("USD").scale(1)
            .rounding(java.math.RoundingMode.HALF_EVEN).dateField("day2")).to("PriceEur"))
        .rule(Rules.all("a", "b", "c").function("size").to("Size"))
        .rule(Rules.addressSplit("addr").separator(";").to("L1", "L2")
            .when(Condition.present("addr")).when(Condition.notEquals("sku", "x")))
        .rule(Rules.addressJoin("ship").lines(java.util.List.of("s1"), java.util.List.of("S1"))
            .field("c", "City").when(Condition.matches("ship.c", "[A-Z].*")))
        .rule(Rules.lines("lines", "Lines", line))
        .validate(FieldValidation.field("Sku").required().maxLength(3).pattern("[a-z]+")
            .oneOf(java.util.List.of("tsh")))
        .validate(FieldValidation.field("Price").range(BigDecimal.ZERO, new BigDecimal("100")))
        .build();
    String[] inputs = {
        """
        {"sku": " TSH-R-XL ", "a": "x", "name": "Ann van Dyke", "colour": "R", "uom": "box",
         "flag": "1", "item_id": "itm_1", "price": "12.34567", "day": "22.11.2026",
         "day2": "2026-11-22", "at": "2026-11-22T10:00:00", "addr": "1 Main;Unit 4;Rear",
         "ship": {"s1": "1 Dock Rd", "c": "Oslo"}, "lines": [{"c": "R"}]}
        """,
        """
        {"sku": "t", "colour": "G", "flag": "0", "item_id": "itm_9", "price": "-1",
         "day": "31.02.2026", "day2": "x", "at": "bad", "addr": "", "ship": {"c": "oslo"},
         "lines": [{"c": "G"}, 3]}
        """,
        "{}"};

    for (String input : inputs) {
      AcceptanceMappingTest.assertSame(built.apply(json(input)), fromJson.apply(json(input)));
    }
    MappingResult first = fromJson.apply(json(inputs[0]));
    assertThat(first.errors()).isEmpty();
    assertThat(first.fields().toString()).isEqualTo("{\"Sku\":\"tsh\",\"Obj\":{\"k\":[1]},"
        + "\"AB\":\"x\",\"First\":\"Ann\",\"Rest\":\"van Dyke\",\"Colour\":\"R\","
        + "\"ColourName\":\"Red\",\"Uom\":\"box\",\"Flag\":true,\"ItemNumber\":\"A1-103\","
        + "\"Price\":\"12.345\",\"Day\":\"2026-11-22\",\"At\":\"09:00\",\"PriceEur\":24.7,"
        + "\"Size\":3,\"L1\":\"1 Main\",\"L2\":\"Unit 4, Rear\",\"S1\":\"1 Dock Rd\","
        + "\"City\":\"Oslo\",\"Lines\":[{\"C\":\"Red\"}]}");
    assertThat(fromJson.apply(json(inputs[1])).errors()).hasSizeGreaterThan(5);
  }
}
