package io.connectsdk.benchmarks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.store.KeyMap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The order mapping written by hand with direct Jackson field access: the practical upper bound
 * for {@code order-bng-to-sage300.json}, including its validations and the customer cross-reference
 * through the same {@link KeyMap}. Immutable and thread-safe.
 */
public final class HandOrderMapping {
  private static final JsonNodeFactory NODES = Json.nodes();
  private static final TextNode ITEM = TextNode.valueOf("Item");
  private static final TextNode LOCATION = TextNode.valueOf("1");
  private static final Pattern SKU = Pattern.compile("[A-Z0-9-]+");
  private static final BigDecimal MAX_QUANTITY = new BigDecimal("99999");
  private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

  private final KeyMap keyMap;

  public HandOrderMapping(KeyMap keyMap) {
    this.keyMap = requireNonNull(keyMap, "keyMap");
  }

  /** Maps one raw BNG order. */
  public MappingResult apply(JsonNode in) {
    Checks c = new Checks();
    ObjectNode out = NODES.objectNode();
    JsonNode customer = in.get("customer_id");
    if (customer != null && !customer.isNull()) {
      crossRef(customer, out, c);
    }
    JsonNode source = in.get("source");
    JsonNode number = in.get("order_number");
    String description = Checks.blank(source) ? null : source.asText().strip();
    if (!Checks.blank(number)) {
      description = (description == null ? "" : description + " order ") + number.asText().strip();
    }
    if (description != null) {
      out.put("OrderDescription", Checks.truncate(description, 60));
    }
    JsonNode date = in.get("order_date");
    if (date != null && !date.isNull()) {
      orderDate(date, out, c);
    }
    if (number != null && !number.isNull()) {
      out.set("PurchaseOrderNumber", number);
    }
    JsonNode id = in.get("id");
    if (id != null && !id.isNull()) {
      out.set("OrderReference", id);
    }
    JsonNode status = in.get("status");
    if (status != null && !status.isNull() && "pending".equals(status.asText())) {
      out.set("OnHold", BooleanNode.TRUE);
    }
    lines(in.get("lines"), out, c);
    c.required("CustomerNumber", out.get("CustomerNumber"));
    c.required("OrderDate", out.get("OrderDate"));
    c.maxLength("PurchaseOrderNumber", c.required("PurchaseOrderNumber",
        out.get("PurchaseOrderNumber")), 22);
    c.maxLength("OrderReference", c.required("OrderReference", out.get("OrderReference")), 60);
    return c.errors() == null ? MappingResult.success(out) : MappingResult.failure(c.errors());
  }

  private void crossRef(JsonNode customer, ObjectNode out, Checks c) {
    String id = customer.asText();
    if (customer.isContainerNode() || id.isBlank()) {
      c.error("customer_id", "crossRef", "expected an id", customer);
      return;
    }
    Optional<RecordRef> linked =
        keyMap.lookup(new RecordRef(Fixtures.BNG, EntityType.CUSTOMER, id), Fixtures.SAGE);
    if (linked.isPresent()) {
      out.put("CustomerNumber", linked.get().id());
    } else {
      c.error("customer_id", "crossRef", "dangling reference: bng customer has no linked record"
          + " in sage300", customer);
    }
  }

  private static void orderDate(JsonNode date, ObjectNode out, Checks c) {
    if (!date.isTextual()) {
      c.error("order_date", "date", "expected date text", date);
      return;
    }
    String text = date.textValue().strip();
    LocalDate day;
    try {
      if (text.length() <= 10) {
        day = LocalDate.parse(text);
      } else if (text.endsWith("Z") || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10) {
        day = OffsetDateTime.parse(text).atZoneSameInstant(TORONTO).toLocalDate();
      } else {
        day = LocalDateTime.parse(text).atOffset(ZoneOffset.UTC).atZoneSameInstant(TORONTO)
            .toLocalDate();
      }
    } catch (DateTimeException e) {
      c.error("order_date", "date", "not a valid date (ISO-8601 expected)", date);
      return;
    }
    out.put("OrderDate", day.toString());
  }

  private static void lines(JsonNode lines, ObjectNode out, Checks c) {
    if (lines == null || lines.isNull()) {
      c.error("lines", "lines", "required", null);
      return;
    }
    if (!lines.isArray()) {
      c.error("lines", "lines", "expected an array", lines);
      return;
    }
    ArrayNode mapped = NODES.arrayNode(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      if (!line.isObject()) {
        c.error("lines[" + i + "]", "lines", "expected an object", line);
        continue;
      }
      mapped.add(line(line, i, c));
    }
    out.set("OrderDetails", mapped);
  }

  private static ObjectNode line(JsonNode line, int i, Checks c) {
    ObjectNode out = NODES.objectNode();
    out.set("LineType", ITEM);
    String sku = Checks.text(line.get("sku"));
    if (sku != null) {
      out.put("Item", sku.strip().toUpperCase(Locale.ROOT));
    }
    out.set("Location", LOCATION);
    JsonNode quantity = line.get("quantity");
    if (quantity != null && !quantity.isNull()) {
      BigDecimal q = Checks.decimal(quantity);
      if (q == null) {
        c.error("lines[" + i + "].quantity", "decimal", "not a decimal number", quantity);
      } else if (q.scale() > 0 && q.stripTrailingZeros().scale() > 0) {
        c.error("lines[" + i + "].quantity", "decimal", "has more than 0 decimal places", quantity);
      } else {
        out.set("QuantityOrdered", NODES.numberNode(q.setScale(0, RoundingMode.UNNECESSARY)));
      }
    }
    money(line, "unit_price", out, "PricingUnitPrice", i, c);
    if (!Checks.blank(line.get("discount"))) {
      money(line, "discount", out, "DiscountAmount", i, c);
    }
    // the error path is only built when a check fails, as the mapping does
    JsonNode item = out.get("Item");
    if (Checks.blank(item)) {
      c.error(target(i, "Item"), "required", "is required", item);
    } else {
      String text = item.asText();
      if (text.length() > 24 && text.codePointCount(0, text.length()) > 24) {
        c.error(target(i, "Item"), "maxLength", "longer than 24 characters", item);
      }
      if (!SKU.matcher(text).matches()) {
        c.error(target(i, "Item"), "pattern", "does not match " + SKU.pattern(), item);
      }
    }
    range(out.get("QuantityOrdered"), i, "QuantityOrdered", BigDecimal.ONE, MAX_QUANTITY, c);
    range(out.get("PricingUnitPrice"), i, "PricingUnitPrice", BigDecimal.ZERO, null, c);
    return out;
  }

  private static void range(JsonNode v, int i, String field, BigDecimal min, BigDecimal max,
      Checks c) {
    if (Checks.blank(v)) {
      c.error(target(i, field), "required", "is required", v);
      return;
    }
    BigDecimal d = v.decimalValue();
    if (d.compareTo(min) < 0 || (max != null && d.compareTo(max) > 0)) {
      c.range(target(i, field), v, min, max);
    }
  }

  private static String target(int i, String field) {
    return "OrderDetails[" + i + "]." + field;
  }

  private static void money(JsonNode line, String field, ObjectNode out, String to, int i,
      Checks c) {
    JsonNode v = line.get(field);
    if (v == null || v.isNull()) {
      return;
    }
    BigDecimal d = Checks.decimal(v);
    if (d == null) {
      c.error("lines[" + i + "]." + field, "decimal", "not a decimal number", v);
    } else {
      out.set(to, NODES.numberNode(d.setScale(2, RoundingMode.HALF_UP)));
    }
  }
}
