package io.connectsdk.core.sync;

import static io.connectsdk.core.sync.TestData.obj;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ContentHashTest {

  @Test
  void of_sameContentDifferentKeyOrderAndScale_sameHash() {
    var a = obj("name", "Acme", "limit", new BigDecimal("5000.00"), "n", 5);
    var b = obj("n", new BigDecimal("5.0"), "limit", new BigDecimal("5E+3"), "name", "Acme");

    assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b)).hasSize(64);
  }

  @Test
  void of_differentValueTypeOrNesting_differentHash() {
    assertThat(ContentHash.of(obj("n", "5"))).isNotEqualTo(ContentHash.of(obj("n", 5)));
    assertThat(ContentHash.of(obj("n", null))).isNotEqualTo(ContentHash.of(obj()));
    var lines1 = Json.object();
    lines1.putArray("lines").add(obj("sku", "A")).add(obj("sku", "B"));
    var lines2 = Json.object();
    lines2.putArray("lines").add(obj("sku", "B")).add(obj("sku", "A"));
    assertThat(ContentHash.of(lines1)).isNotEqualTo(ContentHash.of(lines2));
  }

  @Test
  void canonical_escapesStringsAndZeroes() {
    StringBuilder sb = new StringBuilder();
    ContentHash.canonical(obj("b", "say \"hi\"", "a", new BigDecimal("0.000")), sb);

    assertThat(sb).hasToString("{\"a\":0,\"b\":\"say \\\"hi\\\"\"}");
  }

  @Test
  void ofParts_separatesParts() {
    assertThat(ContentHash.ofParts("ab", "c")).isNotEqualTo(ContentHash.ofParts("a", "bc"));
  }
}
