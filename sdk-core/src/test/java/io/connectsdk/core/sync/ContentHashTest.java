package io.connectsdk.core.sync;

import static io.connectsdk.core.sync.TestData.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    String text = ContentHash.canonical(obj("b", "say \"hi\"", "a", new BigDecimal("0.000")));

    assertThat(text).isEqualTo("{\"a\":0,\"b\":\"say \\\"hi\\\"\"}");
  }

  @Test
  void canonical_controlAndNonAsciiCharacters_escapedAndUtf8() {
    String text = ContentHash.canonical(obj("k", "tab\tline\nbell\u0007 Zoë 東京 \\"));

    assertThat(text).isEqualTo("{\"k\":\"tab\\tline\\nbell\\u0007 Zoë 東京 \\\\\"}");
  }

  @Test
  void of_anyNode_isSha256OfCanonicalUtf8() throws Exception {
    var node = obj("name", "Zoë", "n", new BigDecimal("12.50"));
    byte[] expected = java.security.MessageDigest.getInstance("SHA-256")
        .digest(ContentHash.canonical(node).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(ContentHash.of(node)).isEqualTo(java.util.HexFormat.of().formatHex(expected));
  }

  @Test
  void of_manyFieldsInAnyOrder_sameHash() {
    var a = Json.object();
    var b = Json.object();
    for (int i = 0; i < 40; i++) {
      a.put("f" + i, i);
      b.put("f" + (39 - i), 39 - i);
    }
    assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b));
    assertThat(ContentHash.sameContent(a, b)).isTrue();
  }

  @Test
  void ofParts_separatesParts() {
    assertThat(ContentHash.ofParts("ab", "c")).isNotEqualTo(ContentHash.ofParts("a", "bc"));
  }

  /**
   * Hashes are stored in write ledgers: a change to the canonical form would make every record
   * look changed once after an upgrade. This pins the form of every node kind.
   */
  @Test
  void of_everyNodeKind_staysTheSameAcrossReleases() {
    var node = obj("CustomerNumber", "C100042", "Name", "Zoë \"Ann\" Tremblay\t東京",
        "CreditLimit", new BigDecimal("12500.50"), "Count", 7, "Zero", new BigDecimal("0.00"),
        "Neg", new BigDecimal("-3.10"), "Missing", null);
    node.put("Big", 12345678901234L).put("OnHold", false).put("Exempt", true)
        .put("Ratio", 0.25d);
    node.putObject("Address").put("Line1", "1 King St W").put("City", "Montréal");
    node.putArray("Lines").add(obj("Sku", "TSH-1", "Qty", 2)).add(1.5d).addNull().add("x");

    assertThat(ContentHash.canonical(node)).isEqualTo("{\"Address\":{\"City\":\"Montréal\","
        + "\"Line1\":\"1 King St W\"},\"Big\":12345678901234,\"Count\":7,"
        + "\"CreditLimit\":12500.5,\"CustomerNumber\":\"C100042\",\"Exempt\":true,"
        + "\"Lines\":[{\"Qty\":2,\"Sku\":\"TSH-1\"},1.5,null,\"x\"],\"Missing\":null,"
        + "\"Name\":\"Zoë \\\"Ann\\\" Tremblay\\t東京\",\"Neg\":-3.1,\"OnHold\":false,"
        + "\"Ratio\":0.25,\"Zero\":0}");
    assertThat(ContentHash.of(node)).isEqualTo(
        "555190db9c540b94f09ea3808cd6b30822c4b1e489e469aef1e2c7823d46b548");
  }

  @Test
  void canonical_integersOfEveryWidth_plainDigits() {
    var node = Json.object();
    node.put("a", 100).put("b", -5L).put("c", new java.math.BigInteger("123456789012345678901234"))
        .put("d", new BigDecimal("1E+3")).put("e", (short) 0);

    assertThat(ContentHash.canonical(node))
        .isEqualTo("{\"a\":100,\"b\":-5,\"c\":123456789012345678901234,\"d\":1000,\"e\":0}");
  }

  @Test
  void of_hugeAndTinyNumbers_hashedInScientificFormWithoutExpanding() {
    var tiny = Json.object().put("n", new BigDecimal("1e-999999999"));
    var huge = Json.object().put("n", new BigDecimal("1e+999999999"));

    assertThat(ContentHash.canonical(tiny)).isEqualTo("{\"n\":1E-999999999}");
    assertThat(ContentHash.canonical(huge)).isEqualTo("{\"n\":1E+999999999}");
    assertThat(ContentHash.of(tiny)).isNotEqualTo(ContentHash.of(huge))
        .isNotEqualTo(ContentHash.of(Json.object().put("n", 0)));
    assertThat(ContentHash.of(Json.object().put("n", new BigDecimal("1.0E-999999999"))))
        .isEqualTo(ContentHash.of(tiny));
  }

  @Test
  void of_unpairedSurrogate_differsFromQuestionMarkAndFromOtherSurrogates() {
    String question = ContentHash.of(obj("name", "abc?"));
    String high = ContentHash.of(obj("name", "abc\uD800"));
    String low = ContentHash.of(obj("name", "abc\uDC00"));
    String pair = ContentHash.of(obj("name", "abc\uD83D\uDE00"));

    assertThat(high).isNotEqualTo(question).isNotEqualTo(low).isNotEqualTo(pair);
    assertThat(low).isNotEqualTo(question);
    assertThat(pair).isEqualTo(ContentHash.of(obj("name", "abc😀")));
  }

  @Test
  void ofText_wellFormedText_isTheSha256OfItsUtf8() throws Exception {
    String text = "Zoë 東京 😀";
    byte[] expected = java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(ContentHash.ofText(text)).isEqualTo(java.util.HexFormat.of().formatHex(expected));
    assertThat(ContentHash.ofText("a\uD800")).isNotEqualTo(ContentHash.ofText("a?"));
    assertThat(ContentHash.ofBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo(ContentHash.ofText(text));
  }

  @Test
  void ofParts_nulInsideAPart_cannotCollideWithTheSeparator() {
    assertThat(ContentHash.ofParts("a\0b", "c")).isNotEqualTo(ContentHash.ofParts("a", "b\0c"));
    assertThat(ContentHash.ofParts("a\0", "b")).isNotEqualTo(ContentHash.ofParts("a", "\0b"));
    assertThat(ContentHash.ofParts("ab", "c")).isEqualTo(ContentHash.ofText("ab\0c"));
  }

  @Test
  void of_treeDeeperThanTheLimit_throwsUnhashableValueException() {
    var root = Json.object();
    var node = root;
    for (int i = 0; i < 10_000; i++) {
      node = node.putObject("x");
    }
    var array = Json.nodes().arrayNode();
    var a = array;
    for (int i = 0; i < 10_000; i++) {
      a = a.addArray();
    }

    assertThatThrownBy(() -> ContentHash.of(root))
        .isInstanceOf(ContentHash.UnhashableValueException.class)
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ContentHash.of(array))
        .isInstanceOf(ContentHash.UnhashableValueException.class);
    assertThat(ContentHash.of(obj("after", "ok"))).hasSize(64); // the thread's buffer recovers
  }
}
