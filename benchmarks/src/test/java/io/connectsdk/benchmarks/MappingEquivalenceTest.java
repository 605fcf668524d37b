package io.connectsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.schibsted.spt.data.jslt.Expression;
import io.connectsdk.core.mapping.CompiledMapping;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.store.KeyMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three implementations the benchmark compares give the same output, so the race is fair. */
class MappingEquivalenceTest {
  private final KeyMap keyMap = Fixtures.keyMap();
  private final CompiledMapping customerMapping = Fixtures.customerMapping();
  private final CompiledMapping orderMapping = Fixtures.orderMapping(keyMap);
  private final HandCustomerMapping customerHand = new HandCustomerMapping();
  private final HandOrderMapping orderHand = new HandOrderMapping(keyMap);
  private final Expression customerJslt = JsltMappings.customer();
  private final Expression orderJslt = JsltMappings.order(keyMap);

  @Test
  void customers_wholePool_allThreeGiveIdenticalOutput() {
    JsonNode[] pool = Pool.customers(Pool.SIZE);
    for (JsonNode customer : pool) {
      MappingResult compiled = customerMapping.apply(customer);
      assertThat(compiled.errors()).as("%s", customer).isEmpty();
      // same text means same fields, same order and same number scales
      assertThat(customerHand.apply(customer).fields().toString())
          .isEqualTo(compiled.fields().toString());
      assertThat(customerJslt.apply(customer).toString()).isEqualTo(compiled.fields().toString());
    }
  }

  @Test
  void orders_wholePool_allThreeGiveIdenticalOutput() {
    JsonNode[] pool = Pool.orders(Pool.SIZE);
    for (JsonNode order : pool) {
      MappingResult compiled = orderMapping.apply(order);
      assertThat(compiled.errors()).as("%s", order).isEmpty();
      assertThat(compiled.fields().get("OrderDetails")).hasSize(Pool.ORDER_LINES);
      assertThat(orderHand.apply(order).fields().toString())
          .isEqualTo(compiled.fields().toString());
      assertThat(orderJslt.apply(order).toString()).isEqualTo(compiled.fields().toString());
    }
  }

  @Test
  void pools_recordsAreDistinct() {
    JsonNode[] customers = Pool.customers(Pool.SIZE);
    assertThat(java.util.Arrays.stream(customers).map(JsonNode::toString).distinct().count())
        .isEqualTo(Pool.SIZE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"longNumber", "badStatus", "badTerms", "badCredit", "badEmail",
    "badCurrency", "noLastName", "noGroup", "negativeCredit", "metadataNotObject", "everything"})
  void customer_invalid_handWrittenReportsTheSameErrors(String problem) {
    ObjectNode c = BngData.customer(42);
    Consumer<ObjectNode> breakIt = switch (problem) {
      case "longNumber" -> x -> x.put("external_id", "c12345678901234");
      case "badStatus" -> x -> x.put("status", "archived");
      case "badTerms" -> x -> x.put("payment_terms", "net90");
      case "badCredit" -> x -> x.put("credit_limit", "lots");
      case "badEmail" -> x -> x.put("email", "no email");
      case "badCurrency" -> x -> x.put("currency", "dollars");
      case "noLastName" -> x -> x.remove("last_name");
      case "noGroup" -> x -> x.remove("metadata");
      case "negativeCredit" -> x -> x.put("credit_limit", "-5");
      case "metadataNotObject" -> x -> x.put("metadata", "RTL");
      default -> x -> {
        x.put("external_id", "c#1");
        x.put("status", "archived");
        x.put("email", "x@y@z");
        x.put("currency", "");
        x.remove("last_name");
      };
    };
    breakIt.accept(c);
    JsonNode in = Fixtures.parse(c.toString());

    MappingResult compiled = customerMapping.apply(in);

    assertThat(compiled.errors()).isNotEmpty();
    // the same errors; their order follows each implementation's order of checks
    assertThat(customerHand.apply(in).errors())
        .containsExactlyInAnyOrderElementsOf(compiled.errors());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dangling", "noLines", "badSku", "fractionalQuantity", "zeroQuantity",
    "badDate", "negativePrice", "noOrderNumber"})
  void order_invalid_handWrittenReportsTheSameErrors(String problem) {
    ObjectNode o = BngData.order(7, 4);
    ObjectNode line = (ObjectNode) o.get("lines").get(2);
    switch (problem) {
      case "dangling" -> o.put("customer_id", "cus_999999");
      case "noLines" -> o.remove("lines");
      case "badSku" -> line.put("sku", "bad sku!");
      case "fractionalQuantity" -> line.put("quantity", "1.5");
      case "zeroQuantity" -> line.put("quantity", 0);
      case "badDate" -> o.put("order_date", "2026-02-30");
      case "negativePrice" -> line.put("unit_price", "-1");
      default -> o.remove("order_number");
    }
    JsonNode in = Fixtures.parse(o.toString());

    MappingResult compiled = orderMapping.apply(in);

    assertThat(compiled.errors()).isNotEmpty();
    assertThat(orderHand.apply(in).errors())
        .containsExactlyInAnyOrderElementsOf(compiled.errors());
  }
}
