package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.Json;
import org.junit.jupiter.api.Test;

class ContentMatchTest {
  private static JsonNode json(String s) throws Exception {
    return Json.mapper().readTree(s);
  }

  @Test
  void matches_subsetWithServerExtras_numbersByValue_datesByDay() throws Exception {
    assertThat(ContentMatch.matches(
        json("{\"A\":\"x\",\"D\":\"2020-01-15\",\"N\":2,\"L\":[{\"Q\":1.5}]}"),
        json("{\"A\":\"x\",\"D\":\"2020-01-15T00:00:00Z\",\"N\":2.000,\"L\":[{\"Q\":1.50,\"X\":9}],"
            + "\"Extra\":1}"))).isTrue();
  }

  @Test
  void matches_differentValueMissingFieldOrLineCount_isFalse() throws Exception {
    assertThat(ContentMatch.matches(json("{\"A\":\"x\"}"), json("{\"A\":\"y\"}"))).isFalse();
    assertThat(ContentMatch.matches(json("{\"A\":\"x\"}"), json("{}"))).isFalse();
    assertThat(ContentMatch.matches(json("{\"L\":[{},{}]}"), json("{\"L\":[{}]}"))).isFalse();
    assertThat(ContentMatch.matches(json("{\"D\":\"2020-01-15\"}"),
        json("{\"D\":\"2020-01-15T10:00:00Z\"}"))).isFalse();
  }
}
