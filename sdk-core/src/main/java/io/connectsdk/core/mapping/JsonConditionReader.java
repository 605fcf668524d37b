package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a {@code "when"} object of a mapping document into a {@link Condition}. */
final class JsonConditionReader {
  private JsonConditionReader() {}

  static Condition read(Def c) {
    c.onlyKeys(Set.of("field", "equals", "notEquals", "present", "matches"));
    String field = c.text("field");
    JsonRuleReader.guard(c.at("field"), () -> Path.of(field));
    List<String> tests = new ArrayList<>();
    for (String t : List.of("equals", "notEquals", "present", "matches")) {
      if (c.has(t)) {
        tests.add(t);
      }
    }
    if (tests.size() != 1) {
      throw new MappingDefinitionException(c.path(),
          "expected exactly one of equals, notEquals, present, matches");
    }
    String test = tests.get(0);
    return JsonRuleReader.guard(c.at(test), () -> switch (test) {
      case "equals" -> Condition.equals(field, scalar(c, test));
      case "notEquals" -> Condition.notEquals(field, scalar(c, test));
      case "present" -> c.bool(test, true) ? Condition.present(field) : Condition.absent(field);
      default -> Condition.matches(field, c.text(test));
    });
  }

  private static String scalar(Def c, String key) {
    JsonNode v = c.value(key);
    if (v.isContainerNode()) {
      throw c.error(key, "expected a string, number or boolean");
    }
    return v.asText();
  }

}
