package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static io.connectsdk.core.mapping.ValueRuleTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitAndAddressRuleTest {

  @Test
  void split_firstRest_splitsFullName() {
    SplitRule rule = Rules.split("name", " ").firstRest("first_name", "last_name");

    assertThat(map(rule, "{\"name\": \" Ann  van Dyke \"}").fields())
        .isEqualTo(json("{\"first_name\": \"Ann\", \"last_name\": \"van Dyke\"}"));
    assertThat(map(rule, "{\"name\": \"Cher\"}").fields())
        .isEqualTo(json("{\"first_name\": \"Cher\"}"));
    assertThat(map(rule, "{\"name\": \"   \"}").fields()).isEmpty();
  }

  @Test
  void split_index_picksPartOrNothing() {
    assertThat(map(Rules.split("sku", "-").index(1, "Variant"), "{\"sku\": \"TSH-RED-XL\"}")
        .fields()).isEqualTo(json("{\"Variant\": \"RED\"}"));
    assertThat(map(Rules.split("sku", "-").index(5, "Variant"), "{\"sku\": \"TSH-RED\"}")
        .fields()).isEmpty();
    assertThat(map(Rules.split("sku", "-").index(0, "V"), "{\"sku\": \"-,-\"}").fields())
        .isEqualTo(json("{\"V\": \",\"}"));
  }

  @Test
  void split_nonText_isFieldError() {
    assertThat(map(Rules.split("name", " ").firstRest("a", "b"), "{\"name\": 42}").errors())
        .containsExactly(new FieldError("name", "split", "expected text", "42"));
  }

  @Test
  void addressJoin_packsNonBlankLinesAndCopiesParts() {
    AddressJoinRule rule = Rules.addressJoin("addr")
        .lines(List.of("line1", "line2", "line3"), List.of("L1", "L2", "L3"))
        .field("city", "City").field("postal_code", "Zip");

    assertThat(map(rule, "{\"addr\": {\"line1\": \"\", \"line2\": \"Unit 4\", \"line3\": \"1 Main\","
        + " \"city\": \"Oslo\", \"postal_code\": \"0150\"}}").fields()).isEqualTo(json(
            "{\"L1\": \"Unit 4\", \"L2\": \"1 Main\", \"L3\": \"\", \"City\": \"Oslo\","
                + " \"Zip\": \"0150\"}"));
  }

  @Test
  void addressJoin_moreLinesThanTargets_appendsToLastLine() {
    AddressJoinRule rule = Rules.addressJoin("addr")
        .lines(List.of("a", "b", "c"), List.of("L1", "L2"));

    assertThat(map(rule, "{\"addr\": {\"a\": \"1\", \"b\": \"2\", \"c\": \"3\"}}").fields())
        .isEqualTo(json("{\"L1\": \"1\", \"L2\": \"2, 3\"}"));
  }

  @Test
  void addressJoin_notAnObject_isFieldError() {
    AddressJoinRule rule = Rules.addressJoin("addr").field("city", "City");

    assertThat(map(rule, "{\"addr\": \"1 Main St\"}").errors()).extracting(FieldError::rule)
        .containsExactly("addressJoin");
    assertThat(map(rule, "{}").fields()).isEmpty();
    assertThat(map(rule, "{\"addr\": {\"city\": {}}}").errors()).extracting(FieldError::path)
        .containsExactly("addr.city");
  }

  @Test
  void addressSplit_textOrArray_fillsLines() {
    AddressSplitRule rule = Rules.addressSplit("Address").to("line1", "line2");

    assertThat(map(rule, "{\"Address\": \"1 Main St\\r\\n\\nUnit 4\\nBack door\"}").fields())
        .isEqualTo(json("{\"line1\": \"1 Main St\", \"line2\": \"Unit 4, Back door\"}"));
    assertThat(map(rule, "{\"Address\": [\"1 Main St\"]}").fields())
        .isEqualTo(json("{\"line1\": \"1 Main St\", \"line2\": \"\"}"));
    assertThat(map(Rules.addressSplit("a").separator("|").to("x"), "{\"a\": \"p|q\"}").fields())
        .isEqualTo(json("{\"x\": \"p, q\"}"));
  }

  @Test
  void addressSplit_wrongTypes_areFieldErrors() {
    AddressSplitRule rule = Rules.addressSplit("Address").to("line1");

    assertThat(map(rule, "{\"Address\": 5}").errors()).extracting(FieldError::path)
        .containsExactly("Address");
    assertThat(map(rule, "{\"Address\": [\"ok\", 5]}").errors()).extracting(FieldError::path)
        .containsExactly("Address[1]");
  }
}
