package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.customer;
import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static io.connectsdk.core.mapping.BngSage300Mappings.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.store.KeyMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptanceMappingTest {
  private final KeyMap keyMap = BngSage300Mappings.keyMap();

  @Test
  void customer_realisticBngRecord_mapsToSage300ArCustomerInRuleOrder() {
    MappingResult result = BngSage300Mappings.customerJava().apply(customer());

    assertThat(result.errors()).isEmpty();
    ObjectNode expected = json("""
        {"CustomerNumber": "C1001", "ShortName": "BLACKWOOD-", "GroupCode": "RTL",
         "Status": "Active", "OnHold": true, "CustomerName": "Black Hardware Ltd",
         "AddressLine1": "12 King St W", "AddressLine2": "", "AddressLine3": "", "AddressLine4": "",
         "City": "Toronto", "StateProvince": "ON", "ZipPostalCode": "M5H 1A1", "Country": "CA",
         "ContactName": "Ronald Blackwood-Smith", "PhoneNumber": "+14165550100",
         "Email": "ron@example.com", "Terms": "60", "TaxGroup": "EXEMPT",
         "CreditLimitCustomerCurrency": 5000.00, "CurrencyCode": "CAD"}
        """);
    assertThat(result.fields()).isEqualTo(expected);
    assertThat(names(result.fields())).containsExactlyElementsOf(names(expected));
    assertThat(result.fields().get("CreditLimitCustomerCurrency").decimalValue())
        .isEqualTo(new BigDecimal("5000.00"));
  }

  @Test
  void customer_entityEntryPoint_givesSameResultAsRawFields() {
    Entity entity = Entity.builder(EntityType.CUSTOMER, "cus_1").origin("bng")
        .fields(customer()).build();
    CompiledMapping mapping = BngSage300Mappings.customerJava();

    assertThat(mapping.apply(entity).fields()).isEqualTo(mapping.apply(customer()).fields());
    assertThat(mapping.sourceFields()).doesNotContain("id").contains("billing_address", "metadata");
  }

  @Test
  void customer_jsonAndJavaDefinitions_giveIdenticalResults() {
    CompiledMapping java = BngSage300Mappings.customerJava();
    CompiledMapping fromJson = BngSage300Mappings.customerJson();
    List<ObjectNode> inputs = new ArrayList<>();
    inputs.add(customer());
    ObjectNode individual = customer();
    individual.remove("company_name");
    individual.remove("payment_terms");
    individual.remove("credit_limit");
    individual.remove("currency");
    individual.remove("tax_exempt");
    inputs.add(individual);
    inputs.addAll(MalformedInputs.customers(200, 11L));

    for (ObjectNode input : inputs) {
      assertSame(java.apply(input), fromJson.apply(input));
    }
    assertThat(fromJson.targetFields()).isEqualTo(java.targetFields());
    assertThat(java.apply(individual).fields().get("CustomerName").asText())
        .isEqualTo("Ronald Blackwood-Smith");
  }

  @Test
  void order_tenLines_mapsHeaderAndEveryLine() {
    MappingResult result = BngSage300Mappings.orderJava(keyMap).apply(order(10));

    assertThat(result.errors()).isEmpty();
    ObjectNode out = result.fields();
    assertThat(names(out)).containsExactly("CustomerNumber", "OrderDescription", "OrderDate",
        "PurchaseOrderNumber", "OrderReference", "OnHold", "OrderDetails");
    assertThat(out.get("CustomerNumber").asText()).isEqualTo("C1002");
    assertThat(out.get("OrderDate").asText()).isEqualTo("2026-11-22");
    assertThat(out.get("OrderDescription").asText()).isEqualTo("web order 1077");
    JsonNode details = out.get("OrderDetails");
    assertThat(details).hasSize(10);
    assertThat(names(details.get(2))).containsExactly("LineType", "Item", "Location",
        "QuantityOrdered", "PricingUnitPrice", "DiscountAmount");
    assertThat(details.get(2).get("Item").asText()).isEqualTo("TSH-3");
    assertThat(details.get(2).get("QuantityOrdered").decimalValue()).isEqualTo(new BigDecimal("3"));
    assertThat(details.get(2).get("PricingUnitPrice").decimalValue())
        .isEqualTo(new BigDecimal("3.50"));
    assertThat(details.get(2).get("DiscountAmount").decimalValue())
        .isEqualTo(new BigDecimal("1.01"));
    assertThat(details.get(0).has("DiscountAmount")).isFalse();
  }

  @Test
  void order_jsonAndJavaDefinitions_giveIdenticalResults() {
    CompiledMapping java = BngSage300Mappings.orderJava(keyMap);
    CompiledMapping fromJson = BngSage300Mappings.orderJson(keyMap);
    List<ObjectNode> inputs = new ArrayList<>();
    inputs.add(order(10));
    inputs.add(order(0));
    ObjectNode unlinked = order(2);
    unlinked.put("customer_id", "cus_404");
    unlinked.put("status", "processing");
    inputs.add(unlinked);
    inputs.addAll(MalformedInputs.orders(200, 12L));

    for (ObjectNode input : inputs) {
      assertSame(java.apply(input), fromJson.apply(input));
    }
  }

  @Test
  void order_badLines_reportEveryErrorWithLinePaths() {
    ObjectNode order = order(10);
    ((ObjectNode) order.get("lines").get(2)).put("sku", "bad sku!");
    ((ObjectNode) order.get("lines").get(4)).put("quantity", "2.5");
    ((ObjectNode) order.get("lines").get(7)).remove("unit_price");
    order.put("customer_id", "cus_404");

    MappingResult result = BngSage300Mappings.orderJava(keyMap).apply(order);

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.errors()).extracting(FieldError::path, FieldError::rule).containsExactly(
        org.assertj.core.groups.Tuple.tuple("customer_id", "crossRef"),
        org.assertj.core.groups.Tuple.tuple("CustomerNumber", "required"),
        org.assertj.core.groups.Tuple.tuple("OrderDetails[2].Item", "pattern"),
        org.assertj.core.groups.Tuple.tuple("lines[4].quantity", "decimal"),
        org.assertj.core.groups.Tuple.tuple("OrderDetails[4].QuantityOrdered", "required"),
        org.assertj.core.groups.Tuple.tuple("OrderDetails[7].PricingUnitPrice", "required"));
    assertThat(result.errors().get(0).message()).contains("dangling reference");
    assertThat(result.errors().get(0).value()).isEqualTo("cus_404");
  }

  static void assertSame(MappingResult a, MappingResult b) {
    assertThat(b.isSuccess()).isEqualTo(a.isSuccess());
    assertThat(b.errors()).isEqualTo(a.errors());
    if (a.isSuccess()) {
      assertThat(b.fields()).isEqualTo(a.fields());
      assertThat(names(b.fields())).isEqualTo(names(a.fields()));
    }
  }

  static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
