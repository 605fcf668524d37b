package io.connectsdk.simulators.sage300;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test helper: checks that a filter accepts a one-field record. */
final class ObjectNodeProbe {
  private ObjectNodeProbe() {}

  static void assertMatches(FilterExpr filter, String field, String value) {
    ObjectNode r = SimJson.object();
    r.put(field, value);
    assertThat(filter.test(r)).isTrue();
    r.put(field, value + "!");
    assertThat(filter.test(r)).isFalse();
  }
}
