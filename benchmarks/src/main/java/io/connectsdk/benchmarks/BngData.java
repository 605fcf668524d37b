package io.connectsdk.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import java.time.Instant;
import java.util.Locale;

/**
 * Deterministic BNG customers and orders: record {@code n} is always the same, so runs are
 * repeatable and a source can generate any page from its cursor without storing a dataset. Values
 * vary with {@code n} (optional fields absent, blank address lines, several statuses, terms and
 * currencies) so branches are exercised, but every record is valid for the BNG to Sage 300
 * mappings. Stateless and thread-safe.
 */
public final class BngData {
  /** Customers {@code cus_0 .. cus_(LINKED_CUSTOMERS-1)} are linked in the harness's key map. */
  public static final int LINKED_CUSTOMERS = 1000;

  private static final int VARIANTS = 9973;

  private static final String[] FIRST = {"Ronald", "Ann", "Émile", "Priya", "Jonas", "Mei", "Olu"};
  private static final String[] LAST = {"Blackwood-Smith", "van Dyke", "Tremblay", "Sharma",
    "Lindqvist", "Chen", "Adeyemi", "O'Neill"};
  private static final String[] STATUS = {"active", "active", "active", "inactive", "on_hold"};
  private static final String[] TERMS = {"net30", "net60", "due_on_receipt"};
  private static final String[] CURRENCY = {"cad", "USD", " eur "};
  private static final String[] GROUPS = {"RTL-EAST", "WHL-WEST", "RTL", "GOV-ON-1"};
  private static final String[] CITY = {"Toronto", "Montréal", "Vancouver", "Calgary", "Ottawa"};
  private static final String[] PROVINCE = {"ON", "QC", "BC", "AB", "ON"};
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private BngData() {}

  /** The BNG id of customer {@code n}. */
  public static String customerId(long n) {
    return "cus_" + n;
  }

  /** The Sage 300 customer number customer {@code n} is linked to. */
  public static String sageCustomerNumber(long n) {
    return "C" + (100000 + n);
  }

  /** A BNG customer with 17 top-level fields (two nested objects). */
  public static ObjectNode customer(long n) {
    JsonNodeFactory f = Json.nodes();
    ObjectNode c = f.objectNode();
    int i = (int) (n % VARIANTS);
    Variant v = Variant.ALL[i];
    c.put("id", customerId(n));
    c.put("external_id", " c" + (1000 + n % 10_000_000) + " ");
    if (n % 3 != 0) {
      c.put("company_name", v.company);
    }
    c.put("first_name", v.first);
    c.put("last_name", v.last);
    c.put("email", v.email);
    c.put("phone", v.phone);
    ObjectNode address = c.putObject("billing_address");
    address.put("line1", v.line1);
    address.put("line2", n % 4 == 0 ? v.suite : "");
    address.put("city", CITY[i % CITY.length]);
    address.put("state", PROVINCE[i % PROVINCE.length]);
    address.put("postal_code", v.postalCode);
    address.put("country", "CA");
    c.put("status", STATUS[i % STATUS.length]);
    c.put("credit_limit", v.creditLimit);
    if (n % 5 != 0) {
      c.put("payment_terms", TERMS[i % TERMS.length]);
    }
    if (n % 7 != 0) {
      c.put("tax_exempt", n % 2 == 0);
    }
    if (n % 11 != 0) {
      c.put("currency", CURRENCY[i % CURRENCY.length]);
    }
    c.put("created_at", v.createdAt);
    c.put("updated_at", v.updatedAt);
    c.putObject("metadata").put("sage_group", GROUPS[i % GROUPS.length]).put("source", "web");
    return c;
  }

  /**
   * The text fields that depend only on {@code n % VARIANTS}, built once, so generating a record
   * costs about what parsing it would allocate, not string formatting.
   */
  private record Variant(String company, String first, String last, String email, String phone,
      String line1, String suite, String postalCode, String creditLimit, String createdAt,
      String updatedAt) {
    static final Variant[] ALL = new Variant[VARIANTS];

    static {
      for (int i = 0; i < VARIANTS; i++) {
        String first = FIRST[i % FIRST.length];
        String last = LAST[i % LAST.length];
        ALL[i] = new Variant(
            last + " Hardware " + (i % 2 == 0 ? "Ltd " : "Inc."),
            first,
            " " + last,
            " " + first + "." + i + "@Example.COM",
            "+1 (416) 555-" + String.format(Locale.ROOT, "%04d", i % 10_000),
            (i % 400 + 1) + " King St W",
            "Suite " + (i % 90 + 100),
            "M5H " + (i % 9 + 1) + "A" + (i % 7 + 1),
            (i % 50) * 250 + "." + (i % 100 < 10 ? "0" : "") + i % 100 + "5",
            EPOCH.plusSeconds(i * 37L).toString(),
            EPOCH.plusSeconds(i * 37L + 3600).toString());
      }
    }
  }

  /** A BNG order of an already linked customer with {@code lines} lines. */
  public static ObjectNode order(long n, int lines) {
    JsonNodeFactory f = Json.nodes();
    ObjectNode o = f.objectNode();
    int i = (int) (n % VARIANTS);
    o.put("id", "ord_" + n);
    o.put("order_number", Long.toString(100_000 + n));
    o.put("customer_id", customerId(n % LINKED_CUSTOMERS));
    o.put("status", i % 4 == 0 ? "pending" : "paid");
    o.put("currency", "CAD");
    // times around midnight UTC so the Toronto date differs from the UTC date for some orders
    o.put("order_date",
        EPOCH.plusSeconds(n * 86_400L / 7 + (i % 24) * 3600L).plusMillis(i % 999 + 1).toString());
    o.put("source", i % 3 == 0 ? "pos" : "web");
    ArrayNode array = o.putArray("lines");
    for (int l = 1; l <= lines; l++) {
      ObjectNode line = array.addObject();
      line.put("line_id", "lin_" + n + "_" + l);
      line.put("sku", " tsh-" + (i % 50) + "-" + l + " ");
      line.put("quantity", (i + l) % 12 + 1);
      line.put("unit_price", (i % 80 + l) + "." + (l * 7 % 10) + "5");
      if (l % 3 == 0) {
        line.put("discount", "1.005");
      }
    }
    ObjectNode totals = o.putObject("totals");
    totals.put("subtotal", "100.00");
    totals.put("tax", "13.00");
    totals.put("total", "113.00");
    return o;
  }
}
