package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded generators of malformed BNG records for the acceptance mappings: wrong JSON types, missing
 * required fields, overlong strings, bad dates and decimals, unknown codes. Every generated record
 * has at least one defect the mappings must report.
 */
final class MalformedInputs {
  private MalformedInputs() {}

  static List<ObjectNode> customers(int count, long seed) {
    return generate(count, new Random(seed), BngSage300Mappings::customer, CUSTOMER_DEFECTS);
  }

  static List<ObjectNode> orders(int count, long seed) {
    return generate(count, new Random(seed), () -> BngSage300Mappings.order(4), ORDER_DEFECTS);
  }

  static int customerDefects() {
    return CUSTOMER_DEFECTS.size();
  }

  static int orderDefects() {
    return ORDER_DEFECTS.size();
  }

  /** A valid customer with only defect number {@code index}. */
  static ObjectNode customerWith(int index) {
    ObjectNode record = BngSage300Mappings.customer();
    CUSTOMER_DEFECTS.get(index).accept(record);
    return record;
  }

  /** A valid four-line order with only defect number {@code index}. */
  static ObjectNode orderWith(int index) {
    ObjectNode record = BngSage300Mappings.order(4);
    ORDER_DEFECTS.get(index).accept(record);
    return record;
  }

  private static List<ObjectNode> generate(int count, Random random,
      java.util.function.Supplier<ObjectNode> valid, List<Consumer<ObjectNode>> defects) {
    List<ObjectNode> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ObjectNode record = valid.get();
      int n = 1 + random.nextInt(3);
      for (int d = 0; d < n; d++) {
        defects.get(random.nextInt(defects.size())).accept(record);
      }
      out.add(record);
    }
    return out;
  }

  private static String longText(int length) {
    return "x".repeat(length);
  }

  private static ObjectNode address(ObjectNode record) {
    return record.get("billing_address") instanceof ObjectNode a ? a : record.putObject("billing_address");
  }

  private static ObjectNode line(ObjectNode order, int index) {
    if (order.get("lines") instanceof com.fasterxml.jackson.databind.node.ArrayNode lines
        && lines.size() > index && lines.get(index) instanceof ObjectNode line) {
      return line;
    }
    ObjectNode line = order.putArray("lines").addObject();
    line.put("quantity", 1);
    line.put("unit_price", "1.00");
    return line;
  }

  private static final List<Consumer<ObjectNode>> CUSTOMER_DEFECTS = List.of(
      // wrong types
      r -> r.putObject("first_name").put("x", 1),
      r -> r.put("billing_address", "12 King St W, Toronto"),
      r -> r.put("credit_limit", true),
      r -> r.putArray("credit_limit").add(5),
      r -> r.put("credit_limit", "5,000.00"),
      r -> r.putArray("email").add("a@b.c"),
      r -> r.put("phone", 4165550100L),
      r -> r.put("metadata", "RTL"),
      r -> r.putObject("status"),
      r -> address(r).putObject("line1").put("street", "King"),
      // missing required fields
      r -> r.remove("external_id"),
      r -> r.putNull("external_id"),
      r -> r.remove("last_name"),
      r -> r.remove("metadata"),
      // overlong strings
      r -> r.put("company_name", longText(61)),
      r -> address(r).put("line1", longText(61)),
      r -> address(r).put("city", longText(31)),
      r -> r.put("external_id", "C" + "1".repeat(12)),
      r -> r.put("email", longText(45) + "@example.com"),
      // unknown codes and bad values
      r -> r.put("status", "archived"),
      r -> r.put("payment_terms", "net45"),
      r -> r.put("currency", "dollars"),
      r -> r.put("credit_limit", "-1.00"),
      r -> r.put("external_id", "c 1001"));

  private static final List<Consumer<ObjectNode>> ORDER_DEFECTS = List.of(
      // bad dates
      r -> r.put("order_date", "2026-02-30T10:00:00Z"),
      r -> r.put("order_date", "22/11/2026"),
      r -> r.put("order_date", "tomorrow"),
      r -> r.put("order_date", 20261122),
      r -> r.remove("order_date"),
      // wrong types
      r -> r.putObject("lines"),
      r -> r.put("lines", "4 lines"),
      r -> r.putArray("lines").add("sku-1"),
      r -> line(r, 1).put("quantity", "many"),
      r -> line(r, 2).put("quantity", true),
      r -> line(r, 0).putArray("unit_price").add("1.00"),
      r -> line(r, 3).put("quantity", "1.5"),
      r -> r.putObject("customer_id"),
      // missing required fields
      r -> r.remove("lines"),
      r -> r.remove("order_number"),
      r -> r.remove("id"),
      r -> line(r, 0).remove("sku"),
      r -> line(r, 1).remove("unit_price"),
      // overlong strings
      r -> r.put("order_number", "1".repeat(23)),
      r -> line(r, 2).put("sku", "S".repeat(25)),
      // unknown codes
      r -> r.put("customer_id", "cus_999"),
      r -> line(r, 3).put("sku", "tsh 3!"),
      r -> line(r, 0).put("quantity", 0));
}
