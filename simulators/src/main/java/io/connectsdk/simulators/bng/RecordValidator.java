package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The shape rules of each record per bng.md, checked on the whole record after a create or patch:
 * types, enums, decimal strings, e-mail and currency formats, required fields and references to
 * existing records. Throws 422 {@code validation_error} with every problem by field path.
 */
final class RecordValidator {
  private static final Set<String> PARTY_STATUS = Set.of("active", "inactive", "on_hold");
  private static final Set<String> ORDER_STATUS =
      Set.of("pending", "processing", "fulfilled", "cancelled");

  private final Function<Resource, Table> tables;

  RecordValidator(Function<Resource, Table> tables) {
    this.tables = tables;
  }

  void check(Resource resource, ObjectNode r) {
    Map<String, String> problems = new LinkedHashMap<>();
    FieldChecks c = new FieldChecks(problems);
    c.text(r, "", "external_id");
    c.stringMap(r, "metadata");
    switch (resource) {
      case CUSTOMERS -> customer(c, r);
      case VENDORS -> {
        c.required(r, "", "name");
        c.email(r, "email");
        c.object(r, "address");
        c.oneOf(r, "status", PARTY_STATUS);
      }
      case ITEMS -> {
        c.required(r, "", "sku");
        c.text(r, "", "sku");
        c.decimal(r, "", "unit_price");
        c.bool(r, "active");
        reference(c, r, "", "category_id", Resource.CATEGORIES);
      }
      case INVENTORY -> {
        c.required(r, "", "on_hand");
        c.integer(r, "", "on_hand", 0);
        c.integer(r, "", "allocated", 0);
        if (tables.apply(Resource.ITEMS).byNaturalKey(Table.text(r, "sku")) == null) {
          problems.putIfAbsent("sku", "does not exist");
        }
      }
      case CATEGORIES -> c.required(r, "", "name");
      case ORDERS -> {
        reference(c, r, "", "customer_id", Resource.CUSTOMERS);
        c.required(r, "", "customer_id");
        c.oneOf(r, "status", ORDER_STATUS);
        c.currency(r, "currency");
        lines(c, r, true);
        if (r.get("totals") instanceof ObjectNode totals) {
          for (String f : new String[] {"subtotal", "tax", "shipping", "total"}) {
            c.decimal(totals, "totals.", f);
          }
        }
      }
      case PURCHASE_ORDERS -> {
        c.required(r, "", "vendor_id");
        reference(c, r, "", "vendor_id", Resource.VENDORS);
        c.currency(r, "currency");
        lines(c, r, true);
      }
      case SHIPMENTS -> {
        c.required(r, "", "order_id");
        reference(c, r, "", "order_id", Resource.ORDERS);
        lines(c, r, false);
      }
      case INVOICES -> invoice(c, r);
      case PAYMENTS -> payment(c, r);
      case JOURNAL_ENTRIES -> journal(c, r);
      default -> throw new IllegalStateException(resource.name());
    }
    if (!problems.isEmpty()) {
      throw BngError.validation(problems);
    }
  }

  private void customer(FieldChecks c, ObjectNode r) {
    if (!FieldChecks.present(r, "company_name") && !FieldChecks.present(r, "first_name")
        && !FieldChecks.present(r, "last_name")) {
      c.problems.put("company_name", "company_name, first_name or last_name is required");
    }
    c.email(r, "email");
    c.oneOf(r, "status", PARTY_STATUS);
    c.decimal(r, "", "credit_limit");
    c.bool(r, "tax_exempt");
    c.currency(r, "currency");
    c.object(r, "billing_address");
    c.object(r, "shipping_address");
  }

  private void invoice(FieldChecks c, ObjectNode r) {
    c.required(r, "", "kind");
    c.oneOf(r, "kind", Set.of("receivable", "payable"));
    if ("payable".equals(Table.text(r, "kind"))) {
      c.required(r, "", "vendor_id");
      reference(c, r, "", "vendor_id", Resource.VENDORS);
    } else {
      c.required(r, "", "customer_id");
      reference(c, r, "", "customer_id", Resource.CUSTOMERS);
    }
    reference(c, r, "", "order_id", Resource.ORDERS);
    c.oneOf(r, "status", Set.of("open", "paid", "void"));
    c.currency(r, "currency");
    c.decimal(r, "", "total");
    int i = 0;
    for (ObjectNode line : c.objects(r, "lines", false)) {
      c.decimal(line, "lines[" + i + "].", "unit_price");
      c.decimal(line, "lines[" + i++ + "].", "amount");
    }
  }

  private void payment(FieldChecks c, ObjectNode r) {
    c.required(r, "", "kind");
    c.oneOf(r, "kind", Set.of("received", "sent"));
    c.required(r, "", "amount");
    c.decimal(r, "", "amount");
    c.currency(r, "currency");
    int i = 0;
    for (ObjectNode a : c.objects(r, "applied_to", false)) {
      String path = "applied_to[" + i++ + "].";
      c.required(a, path, "invoice_id");
      reference(c, a, path, "invoice_id", Resource.INVOICES);
      c.decimal(a, path, "amount");
    }
  }

  private void journal(FieldChecks c, ObjectNode r) {
    BigDecimal sum = BigDecimal.ZERO;
    int i = 0;
    for (ObjectNode line : c.objects(r, "lines", true)) {
      String path = "lines[" + i++ + "].";
      c.required(line, path, "account");
      c.required(line, path, "amount");
      BigDecimal amount = c.decimal(line, path, "amount");
      sum = amount == null ? sum : sum.add(amount);
    }
    if (c.problems.isEmpty() && sum.signum() != 0) {
      c.problems.put("lines", "amounts must sum to zero");
    }
  }

  private static void lines(FieldChecks c, ObjectNode r, boolean priced) {
    int i = 0;
    for (ObjectNode line : c.objects(r, "lines", priced)) {
      String path = "lines[" + i++ + "].";
      c.required(line, path, "sku");
      c.text(line, path, "sku");
      c.required(line, path, "quantity");
      c.positiveNumber(line, path, "quantity");
      if (priced) {
        c.decimal(line, path, "unit_price");
        c.decimal(line, path, "discount");
      }
    }
  }

  private void reference(FieldChecks c, ObjectNode r, String path, String field, Resource to) {
    String id = Table.text(r, field);
    if (id != null && tables.apply(to).get(id) == null) {
      c.problems.putIfAbsent(path + field, "does not exist");
    }
  }
}
