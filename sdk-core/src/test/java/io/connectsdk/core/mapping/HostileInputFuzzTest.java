package io.connectsdk.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.sync.ContentHash;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the example mappings (built in Java and loaded from JSON) with 5,000 hostile
 * records: no throwable escapes; every record either maps to output that keeps every documented
 * rule (text, number and depth bounds, the validations, hashable) or gets field errors; the Java
 * and JSON forms agree exactly; and a record whose changes touch no field the mapping reads maps
 * exactly like the valid record it came from.
 */
class HostileInputFuzzTest {
  private static final long SEED = 20261202L;
  private static final Pattern CODE = Pattern.compile("[A-Z0-9-]+");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  @Test
  void apply_fiveThousandHostileRecords_noThrowableAndEveryResultMappedOrFieldErrors() {
    CompiledMapping customerJava = BngSage300Mappings.customerJava();
    CompiledMapping customerJson = BngSage300Mappings.customerJson();
    CompiledMapping orderJava = BngSage300Mappings.orderJava(BngSage300Mappings.keyMap());
    CompiledMapping orderJson = BngSage300Mappings.orderJson(BngSage300Mappings.keyMap());
    MappingResult customerBase = customerJava.apply(BngSage300Mappings.customer());
    MappingResult orderBase = orderJava.apply(BngSage300Mappings.order(3));
    HostileInputs inputs = new HostileInputs(SEED);
    List<String> escaped = new ArrayList<>();
    int[] outcomes = new int[2]; // mapped, failed

    for (int i = 0; i < 5_000; i++) {
      boolean customer = i % 2 == 0;
      HostileInputs.Hostile h = customer ? inputs.customer() : inputs.order();
      CompiledMapping java = customer ? customerJava : orderJava;
      CompiledMapping json = customer ? customerJson : orderJson;
      try {
        MappingResult a = java.apply(h.record());
        MappingResult b = json.apply(h.record());
        assertThat(b.errors()).as("JSON and Java agree on %s", i).isEqualTo(a.errors());
        check(a, h.record(), customer, i);
        if (a.isSuccess()) {
          assertThat(b.fields()).isEqualTo(a.fields());
          outcomes[0]++;
        } else {
          outcomes[1]++;
        }
        if (java.sourceFields().stream().noneMatch(h.changedTopLevel()::contains)) {
          MappingResult base = customer ? customerBase : orderBase;
          assertThat(a.fields()).as("record %d changed only unread fields", i)
              .isEqualTo(base.fields());
        }
      } catch (AssertionError e) {
        throw e;
      } catch (Throwable t) {
        escaped.add(i + ": " + t);
      }
    }

    assertThat(escaped).isEmpty();
    assertThat(outcomes[0]).as("some hostile records are still valid").isGreaterThan(100);
    assertThat(outcomes[1]).as("most hostile records fail").isGreaterThan(2_500);
  }

  private static void check(MappingResult r, ObjectNode in, boolean customer, int i) {
    if (!r.isSuccess()) {
      assertThat(r.errors()).isNotEmpty().allSatisfy(e -> {
        assertThat(e.path()).isNotBlank();
        assertThat(e.rule()).isNotBlank();
        assertThat(e.message()).isNotBlank();
        assertThat(e.value().length()).isLessThanOrEqualTo(201);
      });
      return;
    }
    ObjectNode out = r.fields();
    assertThat(ContentHash.of(out)).hasSize(64);
    keepsTheRules(out, 0, "record " + i);
    if (customer) {
      String number = out.get("CustomerNumber").textValue();
      assertThat(CODE.matcher(number).matches() && number.length() <= 12).as(number).isTrue();
      assertThat(out.get("ShortName").textValue().codePointCount(0,
          out.get("ShortName").textValue().length())).isLessThanOrEqualTo(10);
      if (out.has("Status")) { // not required: a missing status writes none
        assertThat(out.get("Status").textValue()).isIn("Active", "Inactive");
      }
      assertThat(out.get("CurrencyCode").textValue()).matches("[A-Z]{3}");
      assertThat(out.get("Terms").textValue()).isIn("30", "60", "COD");
      BigDecimal limit = out.get("CreditLimitCustomerCurrency").decimalValue();
      assertThat(limit.scale()).isEqualTo(2);
      assertThat(limit).isBetween(BigDecimal.ZERO, new BigDecimal("9999999999999.99"));
    } else {
      assertThat(out.get("OrderDate").textValue()).matches(DATE);
      assertThat(out.get("OrderDetails").size()).isEqualTo(in.get("lines").size());
      for (JsonNode line : out.get("OrderDetails")) {
        assertThat(CODE.matcher(line.get("Item").textValue()).matches()).isTrue();
        BigDecimal q = line.get("QuantityOrdered").decimalValue();
        assertThat(q.scale()).isZero();
        assertThat(q).isBetween(BigDecimal.ONE, new BigDecimal("99999"));
        assertThat(line.get("PricingUnitPrice").decimalValue().scale()).isEqualTo(2);
      }
    }
  }

  /** Text, numbers and depth of the whole output keep the documented rules. */
  private static void keepsTheRules(JsonNode v, int depth, String where) {
    assertThat(depth).as(where).isLessThanOrEqualTo(OutputCheck.MAX_DEPTH);
    if (v.isTextual()) {
      assertThat(Values.textProblem(v.textValue())).as(where).isNull();
    } else if (v.isNumber()) {
      assertThat(Values.numberProblem(v)).as(where).isNull();
    } else if (v.isContainerNode()) {
      for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
        keepsTheRules(it.next(), depth + 1, where);
      }
      for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
        assertThat(Values.textProblem(it.next())).as(where).isNull();
      }
    }
  }
}
