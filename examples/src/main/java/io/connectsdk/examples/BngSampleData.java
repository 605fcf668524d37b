package io.connectsdk.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.simulators.sage300.Sage300Simulator;
import io.connectsdk.testkit.InMemoryConnector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The demo's data: BNG customers and sales orders shaped as {@code systems/bng.md} describes them
 * (ids {@code cus_…}/{@code ord_…}, decimal strings, inline lines), and the Sage 300 items the
 * orders refer to. One customer is deliberately bad: its company name is longer than the 60
 * characters Sage 300 allows, so the customer mapping rejects it.
 */
final class BngSampleData {
  static final String BAD_CUSTOMER = "cus_1006";
  /** Its Sage 300 customer number (BNG external_id). */
  static final String BAD_CUSTOMER_NUMBER = "NLHOSP";
  static final String TIMESTAMP = "2026-11-20T14:05:00.000Z";
  private static final BigDecimal TAX_RATE = new BigDecimal("0.13");
  private static final BigDecimal SHIPPING = new BigDecimal("15.00");

  /** A BNG order line: sku as BNG spells it, whole quantity, unit price, optional discount. */
  private record Line(String sku, int quantity, String unitPrice, String discount) {}

  /** Sage 300 is the item master: the items exist there before any order arrives. */
  static final List<String> ITEMS = List.of("DESK-OAK", "CHAIR-ERGO", "LAMP-LED", "MONITOR-27");

  private BngSampleData() {}

  static void seedItems(Sage300Simulator sage) {
    for (String item : ITEMS) {
      sage.put("IC", "ICItems", Json.object().put("ItemNumber", item)
          .put("Description", item.charAt(0) + item.substring(1).toLowerCase().replace('-', ' ')));
    }
  }

  static List<Entity> customers() {
    return List.of(
        customer("cus_1001", "NORTHWIND", "Northwind Traders", "Anne", "Dodsworth",
            "Anne.Dodsworth@northwind.example", "+1 (416) 555-0101", "Toronto", "ON", "M5V 2T6",
            "active", "25000.00", "net30", false, "RTL-EAST"),
        customer("cus_1002", "CONTOSO", "Contoso Office Supply", "Marco", "Bellini",
            "marco@contoso.example", "416.555.0102", "Ottawa", "ON", "K1P 1J1",
            "active", "10000.00", "net60", false, "WHL-EAST"),
        customer("cus_1003", "MRIVERA", null, "Maria", "Rivera",
            "maria.rivera@mail.example", "604-555-0103", "Vancouver", "BC", "V6B 1A1",
            "active", "1500.00", "due_on_receipt", false, "RTL-WEST"),
        customer("cus_1004", "STJOHNS", "St. John's School Board", "Liam", "O'Brien",
            "purchasing@stjohns.example", "709 555 0104", "St. John's", "NL", "A1C 5M2",
            "active", "50000.00", "net30", true, "EDU-ATL"),
        customer("cus_1005", "FABRIKAM", "Fabrikam Design Studio", "Yuki", "Tanaka",
            "yuki@fabrikam.example", "+1 514 555 0105", "Montréal", "QC", "H2Y 1C6",
            "on_hold", "5000.00", "net30", false, "RTL-EAST"),
        customer(BAD_CUSTOMER, BAD_CUSTOMER_NUMBER,
            "Northern Lights Hospitality and Conference Services"
                + " of Thunder Bay Incorporated", "Ava", "Whitehorse",
            "ava@northernlights.example", "807-555-0106", "Thunder Bay", "ON", "P7B 1A1",
            "active", "7500.00", "net30", false, "HOS-NORTH"));
  }

  static List<Entity> orders() {
    return List.of(
        order("ord_2001", "1001", "cus_1001", new Line("desk-oak", 2, "349.00", "10.00"),
            new Line("chair-ergo", 4, "189.50", null)),
        order("ord_2002", "1002", "cus_1002", new Line("lamp-led", 12, "24.99", null)),
        order("ord_2003", "1003", "cus_1003", new Line("monitor-27", 1, "279.00", null),
            new Line("lamp-led", 1, "24.99", "2.50")),
        order("ord_2004", "1004", "cus_1004", new Line("desk-oak", 20, "349.00", "500.00"),
            new Line("chair-ergo", 20, "189.50", "300.00"),
            new Line("lamp-led", 20, "24.99", null)),
        order("ord_2005", "1005", "cus_1005", new Line("chair-ergo", 1, "189.50", null)),
        order("ord_2006", "1006", "cus_1001", new Line("monitor-27", 3, "279.00", null)),
        order("ord_2007", "1007", "cus_1002", new Line("desk-oak", 1, "349.00", null),
            new Line("monitor-27", 2, "279.00", "20.00")),
        order("ord_2008", "1008", BAD_CUSTOMER, new Line("lamp-led", 40, "24.99", "50.00")));
  }

  static void seed(InMemoryConnector bng) {
    bng.seed(customers().toArray(Entity[]::new));
    bng.seed(orders().toArray(Entity[]::new));
  }

  private static Entity customer(String id, String externalId, String company, String first,
      String last, String email, String phone, String city, String state, String postalCode,
      String status, String creditLimit, String terms, boolean taxExempt, String sageGroup) {
    ObjectNode c = record(id);
    c.put("external_id", externalId);
    c.putObject("metadata").put("sage_group", sageGroup);
    if (company != null) {
      c.put("company_name", company);
    }
    c.put("first_name", first).put("last_name", last).put("email", email).put("phone", phone);
    c.set("billing_address", address(city, state, postalCode));
    c.set("shipping_address", address(city, state, postalCode));
    c.put("status", status).put("credit_limit", creditLimit).put("payment_terms", terms)
        .put("tax_exempt", taxExempt).put("currency", "CAD");
    return Entity.builder(EntityType.CUSTOMER, id).fields(c).build();
  }

  private static Entity order(String id, String number, String customerId, Line... lines) {
    ObjectNode o = record(id);
    o.putNull("external_id");
    o.putObject("metadata");
    o.put("order_number", number).put("customer_id", customerId).put("status", "pending")
        .put("currency", "CAD").put("order_date", TIMESTAMP);
    ArrayNode rows = o.putArray("lines");
    BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
    for (int i = 0; i < lines.length; i++) {
      Line l = lines[i];
      ObjectNode row = rows.addObject().put("line_id", id + "_l" + (i + 1)).put("sku", l.sku())
          .put("quantity", l.quantity()).put("unit_price", l.unitPrice());
      BigDecimal amount = new BigDecimal(l.unitPrice()).multiply(BigDecimal.valueOf(l.quantity()));
      if (l.discount() != null) {
        row.put("discount", l.discount());
        amount = amount.subtract(new BigDecimal(l.discount()));
      }
      subtotal = subtotal.add(amount);
    }
    o.set("shipping_address", address("Toronto", "ON", "M5V 2T6"));
    BigDecimal tax = subtotal.multiply(TAX_RATE).setScale(2, RoundingMode.HALF_EVEN);
    o.putObject("totals").put("subtotal", subtotal.toPlainString()).put("tax", tax.toPlainString())
        .put("shipping", SHIPPING.toPlainString())
        .put("total", subtotal.add(tax).add(SHIPPING).toPlainString());
    o.put("source", "web").putNull("erp_reference");
    return Entity.builder(EntityType.SALES_ORDER, id).fields(o).build();
  }

  private static ObjectNode record(String id) {
    return Json.object().put("id", id).put("created_at", TIMESTAMP).put("updated_at", TIMESTAMP)
        .put("version", 1);
  }

  private static ObjectNode address(String city, String state, String postalCode) {
    return Json.object().put("line1", "100 " + city + " Street").put("line2", "Suite 200")
        .put("city", city).put("state", state).put("postal_code", postalCode).put("country", "CA");
  }
}
