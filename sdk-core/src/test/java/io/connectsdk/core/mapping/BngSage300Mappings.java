package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.InMemoryKeyMap;
import io.connectsdk.core.store.KeyMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The acceptance mappings (BNG customer and order to Sage 300), built in Java and from JSON. */
final class BngSage300Mappings {
  static final MappingFunctions FUNCTIONS = MappingFunctions.builder()
      .register("digitsOnly", in -> {
        if (!in.isTextual()) {
          throw new IllegalArgumentException("expected a phone number text");
        }
        return Json.nodes().textNode(in.textValue().replaceAll("[^0-9+]", ""));
      })
      .build();
  static final Map<String, String> TERMS =
      Map.of("net30", "30", "net60", "60", "due_on_receipt", "COD");

  private BngSage300Mappings() {}

  static CompiledMapping customerJava() {
    return Mapping.builder("customer-bng-to-sage300")
        .functions(FUNCTIONS)
        .table("terms", TERMS)
        .rule(Rules.copy("external_id").trim().upper().to("CustomerNumber"))
        .rule(Rules.copy("last_name").trim().upper().truncate(10).to("ShortName"))
        .rule(Rules.split("metadata.sage_group", "-").index(0, "GroupCode"))
        .rule(Rules.copy("status")
            .valueMap(Map.of("active", "Active", "inactive", "Inactive", "on_hold", "Active"))
            .to("Status"))
        .rule(Rules.copy("status").valueMap(Map.of("on_hold", true), false).to("OnHold"))
        .rule(Rules.join(" ", "first_name", "last_name").to("CustomerName"))
        .rule(Rules.copy("company_name").trim().to("CustomerName")
            .when(Condition.present("company_name")))
        .rule(Rules.addressJoin("billing_address")
            .lines(List.of("line1", "line2"),
                List.of("AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4"))
            .field("city", "City").field("state", "StateProvince")
            .field("postal_code", "ZipPostalCode").field("country", "Country"))
        .rule(Rules.join(" ", "first_name", "last_name").to("ContactName"))
        .rule(Rules.copy("phone").function("digitsOnly").to("PhoneNumber"))
        .rule(Rules.copy("email").trim().lower().to("Email"))
        .rule(Rules.copy("payment_terms").orDefault("net30").lookup("terms").to("Terms"))
        .rule(Rules.copy("tax_exempt").orDefault(false)
            .valueMap(Map.of("true", "EXEMPT", "false", "STANDARD")).to("TaxGroup"))
        .rule(Rules.copy("credit_limit").orDefault("0").decimal(2)
            .to("CreditLimitCustomerCurrency"))
        .rule(Rules.copy("currency").orDefault("USD").trim().upper().to("CurrencyCode"))
        .validate(FieldValidation.field("CustomerNumber").required().maxLength(12)
            .pattern("[A-Z0-9-]+"))
        .validate(FieldValidation.field("ShortName").required().maxLength(10))
        .validate(FieldValidation.field("GroupCode").required().maxLength(6))
        .validate(FieldValidation.field("CustomerName").required().maxLength(60))
        .validate(FieldValidation.field("AddressLine1").maxLength(60))
        .validate(FieldValidation.field("AddressLine2").maxLength(60))
        .validate(FieldValidation.field("AddressLine3").maxLength(60))
        .validate(FieldValidation.field("AddressLine4").maxLength(60))
        .validate(FieldValidation.field("City").maxLength(30))
        .validate(FieldValidation.field("ZipPostalCode").maxLength(20))
        .validate(FieldValidation.field("PhoneNumber").maxLength(30))
        .validate(FieldValidation.field("Email").maxLength(50).pattern("[^@\\s]+@[^@\\s]+"))
        .validate(FieldValidation.field("CreditLimitCustomerCurrency")
            .range(BigDecimal.ZERO, new BigDecimal("9999999999999.99")))
        .validate(FieldValidation.field("CurrencyCode").required().pattern("[A-Z]{3}"))
        .build();
  }

  static CompiledMapping orderLineJava() {
    return Mapping.builder("order-bng-to-sage300/OrderDetails")
        .constant("Item", "LineType")
        .rule(Rules.copy("sku").trim().upper().to("Item"))
        .constant("1", "Location")
        .rule(Rules.copy("quantity").decimal(0, RoundingMode.UNNECESSARY, NumberOutput.NUMBER)
            .to("QuantityOrdered"))
        .rule(Rules.copy("unit_price").decimal(2).to("PricingUnitPrice"))
        .rule(Rules.copy("discount").decimal(2).to("DiscountAmount")
            .when(Condition.present("discount")))
        .validate(FieldValidation.field("Item").required().maxLength(24).pattern("[A-Z0-9-]+"))
        .validate(FieldValidation.field("QuantityOrdered").required()
            .range(BigDecimal.ONE, new BigDecimal("99999")))
        .validate(FieldValidation.field("PricingUnitPrice").required().range(BigDecimal.ZERO, null))
        .build();
  }

  static CompiledMapping orderJava(KeyMap keyMap) {
    return Mapping.builder("order-bng-to-sage300")
        .keyMap(keyMap)
        .rule(Rules.copy("customer_id").crossRef("bng", EntityType.CUSTOMER, "sage300")
            .to("CustomerNumber"))
        .rule(Rules.join(" order ", "source", "order_number").truncate(60).to("OrderDescription"))
        .rule(Rules.copy("order_date")
            .date(DateConversion.to("yyyy-MM-dd").zone(ZoneId.of("America/Toronto")))
            .to("OrderDate"))
        .copy("order_number", "PurchaseOrderNumber")
        .copy("id", "OrderReference")
        .rule(Rules.constant(true).to("OnHold").when(Condition.equals("status", "pending")))
        .rule(Rules.lines("lines", "OrderDetails", orderLineJava()).required())
        .validate(FieldValidation.field("CustomerNumber").required())
        .validate(FieldValidation.field("OrderDate").required())
        .validate(FieldValidation.field("PurchaseOrderNumber").required().maxLength(22))
        .validate(FieldValidation.field("OrderReference").required().maxLength(60))
        .build();
  }

  static CompiledMapping customerJson() {
    return load(MappingLoader.builder().functions(FUNCTIONS).build(),
        "customer-bng-to-sage300.json");
  }

  static CompiledMapping orderJson(KeyMap keyMap) {
    return load(MappingLoader.builder().keyMap(keyMap).build(), "order-bng-to-sage300.json");
  }

  /** A KeyMap linking BNG customers cus_1..cus_5 to Sage 300 customers C1001..C1005. */
  static KeyMap keyMap() {
    KeyMap keyMap = new InMemoryKeyMap();
    for (int i = 1; i <= 5; i++) {
      keyMap.link(new RecordRef("bng", EntityType.CUSTOMER, "cus_" + i),
          new RecordRef("sage300", EntityType.CUSTOMER, "C100" + i));
    }
    return keyMap;
  }

  static ObjectNode customer() {
    return json("""
        {"id": "cus_1", "external_id": " c1001 ", "company_name": "Black Hardware Ltd ",
         "first_name": "Ronald", "last_name": "Blackwood-Smith", "email": " Ron@Example.COM",
         "phone": "+1 (416) 555-0100",
         "billing_address": {"line1": "12 King St W", "line2": "", "city": "Toronto",
           "state": "ON", "postal_code": "M5H 1A1", "country": "CA"},
         "status": "on_hold", "credit_limit": "5000.00", "payment_terms": "net60",
         "tax_exempt": true, "currency": "cad", "metadata": {"sage_group": "RTL-EAST"}}
        """);
  }

  static ObjectNode order(int lines) {
    ObjectNode order = json("""
        {"id": "ord_77", "order_number": "1077", "customer_id": "cus_2", "status": "pending",
         "currency": "CAD", "order_date": "2026-11-22T10:00:00.000Z", "source": "web",
         "totals": {"subtotal": "100.00", "tax": "13.00", "shipping": "0.00", "total": "113.00"}}
        """);
    var array = order.putArray("lines");
    for (int i = 1; i <= lines; i++) {
      ObjectNode line = array.addObject();
      line.put("line_id", "lin_" + i);
      line.put("sku", " tsh-" + i + " ");
      line.put("quantity", i);
      line.put("unit_price", i + ".5");
      if (i % 3 == 0) {
        line.put("discount", "1.005");
      }
    }
    return order;
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CompiledMapping load(MappingLoader loader, String name) {
    try (InputStream in = resource(name)) {
      return loader.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream resource(String name) {
    InputStream in = BngSage300Mappings.class.getResourceAsStream("/mappings/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    return in;
  }
}
