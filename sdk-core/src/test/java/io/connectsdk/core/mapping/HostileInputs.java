package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded generator of hostile BNG records for the example mappings: valid records with one to three
 * fields (top-level, nested or inside a line) replaced by wrong types, huge and tiny numbers, deep
 * nesting, unpaired surrogates, control characters, bad dates, unknown codes, non-ASCII digits and
 * very long text. Unlike {@link MalformedInputs} a record may still be valid: the test decides.
 */
final class HostileInputs {
  private static final JsonNodeFactory N = Json.nodes();
  private static final String[] CUSTOMER_FIELDS = {"id", "external_id", "company_name",
    "first_name", "last_name", "email", "phone", "billing_address", "billing_address.line1",
    "billing_address.line2", "billing_address.city", "billing_address.postal_code", "status",
    "credit_limit", "payment_terms", "tax_exempt", "currency", "metadata", "metadata.sage_group",
    "unused_field"};
  private static final String[] ORDER_FIELDS = {"id", "order_number", "customer_id", "status",
    "order_date", "source", "lines", "lines[0]", "lines[1].sku", "lines[2].quantity",
    "lines[0].unit_price", "lines[2].discount", "lines[1].quantity", "totals", "unused_field"};

  private final Random random;

  HostileInputs(long seed) {
    this.random = new Random(seed);
  }

  /** A record and the top-level fields it changed. */
  record Hostile(ObjectNode record, List<String> changedTopLevel) {}

  Hostile customer() {
    return mutate(BngSage300Mappings.customer(), CUSTOMER_FIELDS);
  }

  Hostile order() {
    return mutate(BngSage300Mappings.order(3), ORDER_FIELDS);
  }

  private Hostile mutate(ObjectNode record, String[] fields) {
    int n = 1 + random.nextInt(3);
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String field = fields[random.nextInt(fields.length)];
      set(record, field, value());
      changed.add(field.split("[.\\[]")[0]);
    }
    return new Hostile(record, changed);
  }

  /** Sets a dotted path with optional {@code [i]} indexes, creating nothing that is not there. */
  private static void set(ObjectNode record, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    JsonNode node = record;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      int bracket = part.indexOf('[');
      String name = bracket < 0 ? part : part.substring(0, bracket);
      boolean last = i == parts.length - 1;
      if (!(node instanceof ObjectNode object)) {
        return;
      }
      if (bracket < 0) {
        if (last) {
          object.set(name, value);
          return;
        }
        node = object.get(name);
      } else {
        int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        JsonNode array = object.get(name);
        if (!(array instanceof ArrayNode a) || index >= a.size()) {
          return;
        }
        if (last) {
          a.set(index, value);
          return;
        }
        node = a.get(index);
      }
    }
  }

  private JsonNode value() {
    List<Supplier<JsonNode>> kinds = KINDS;
    return kinds.get(random.nextInt(kinds.size())).get();
  }

  private static final List<Supplier<JsonNode>> KINDS = List.of(
      // wrong types
      () -> N.booleanNode(true), () -> N.booleanNode(false), () -> N.numberNode(0),
      () -> N.numberNode(-1), () -> N.objectNode(), () -> N.arrayNode(),
      () -> N.arrayNode().add(1).add("a"), () -> N.objectNode().put("a", 1), N::nullNode,
      () -> N.textNode(""), () -> N.textNode("   "),
      // huge and tiny numbers
      () -> N.numberNode(new BigDecimal("1e-999999999")),
      () -> N.numberNode(new BigDecimal("1e+999999999")),
      () -> N.numberNode(new BigDecimal("0E-999999999")),
      () -> N.numberNode(new BigDecimal("1e61")), () -> N.numberNode(new BigDecimal("-1e-61")),
      () -> N.numberNode(new BigDecimal("123456789012345678901234567890.123456789")),
      () -> N.numberNode(BigInteger.TEN.pow(500)), () -> N.numberNode(Long.MAX_VALUE),
      () -> N.numberNode(Double.NaN), () -> N.numberNode(Double.POSITIVE_INFINITY),
      () -> N.numberNode(1e300), () -> N.numberNode(new BigDecimal("5.000")),
      () -> N.textNode("1e-999999999"), () -> N.textNode("1E+999999999"),
      () -> N.textNode("0." + "0".repeat(200) + "1"), () -> N.textNode("-0"),
      // deep nesting
      () -> Shared.DEEP_OBJECT, () -> Shared.DEEP_ARRAY, () -> deepObject(150),
      () -> deepObject(99),
      // unpaired surrogates and control characters
      () -> N.textNode("Acme\uD800"), () -> N.textNode("\uDC00"), () -> N.textNode("a\uD83D"),
      () -> N.textNode("ok 😀"), () -> N.textNode("nul\u0000"), () -> N.textNode("\u001B[2J"),
      () -> N.textNode("del\u007F"), () -> N.textNode("nel\u0085"),
      () -> N.textNode("tab\tline\n"),
      // bad dates
      () -> N.textNode("2026-02-30"), () -> N.textNode("0000-01-01"),
      () -> N.textNode("2026-13-01T00:00:00Z"), () -> N.textNode("99999-01-01"),
      () -> N.textNode("yesterday"), () -> N.textNode("2026-11-22T25:00:00Z"),
      () -> N.textNode("2026-11-22T10:00:00+25:00"), () -> N.textNode("1970-01-01T00:00:00Z"),
      // unknown codes and non-ASCII digits
      () -> N.textNode("ACTIVE"), () -> N.textNode("deleted"), () -> N.textNode("net999"),
      () -> N.textNode("١٢٣"), () -> N.textNode("１２３"), () -> N.textNode("12,50"),
      () -> N.textNode("$5"), () -> N.textNode("cus_404"),
      // long text
      () -> Shared.LONG_TEXT, () -> N.textNode("😀".repeat(40)),
      () -> N.textNode("  c2002  "));

  /**
   * The big values, made once: mappings never change their input, so records may share them, and
   * building a 10,000-level tree per record would dominate the run.
   */
  private static final class Shared {
    static final ObjectNode DEEP_OBJECT = deepObject(10_000);
    static final ArrayNode DEEP_ARRAY = deepArray(10_000);
    static final JsonNode LONG_TEXT = N.textNode("x".repeat(100_000));
  }

  static ObjectNode deepObject(int levels) {
    ObjectNode root = N.objectNode();
    ObjectNode n = root;
    for (int i = 0; i < levels; i++) {
      n = n.putObject("x");
    }
    return root;
  }

  static ArrayNode deepArray(int levels) {
    ArrayNode root = N.arrayNode();
    ArrayNode n = root;
    for (int i = 0; i < levels; i++) {
      n = n.addArray();
    }
    return root;
  }
}
