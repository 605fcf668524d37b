package io.connectsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connectsdk.core.Json;
import io.connectsdk.core.mapping.MappingResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The customer mapping written by hand with direct Jackson field access: the practical upper bound
 * for {@code customer-bng-to-sage300.json}. Does the same work, including every validation of the
 * document (precompiled patterns), and gives the same output. Immutable and thread-safe.
 */
public final class HandCustomerMapping {
  private static final JsonNodeFactory NODES = Json.nodes();
  private static final TextNode ACTIVE = TextNode.valueOf("Active");
  private static final TextNode INACTIVE = TextNode.valueOf("Inactive");
  private static final TextNode EMPTY = TextNode.valueOf("");
  private static final Pattern CUSTOMER_NUMBER = Pattern.compile("[A-Z0-9-]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final BigDecimal MAX_CREDIT = new BigDecimal("9999999999999.99");
  private static final String[] LINE_TARGETS =
      {"AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4"};

  /** Maps one raw BNG customer. */
  public MappingResult apply(JsonNode in) {
    Checks c = new Checks();
    ObjectNode out = NODES.objectNode();
    String externalId = Checks.text(in.get("external_id"));
    if (externalId != null) {
      out.put("CustomerNumber", externalId.strip().toUpperCase(Locale.ROOT));
    }
    String lastName = Checks.text(in.get("last_name"));
    if (lastName != null) {
      out.put("ShortName", Checks.truncate(lastName.strip().toUpperCase(Locale.ROOT), 10));
    }
    groupCode(in, out, c);
    JsonNode status = in.get("status");
    if (status != null && !status.isNull()) {
      switch (status.asText()) {
        case "active" -> out.set("Status", ACTIVE);
        case "inactive" -> out.set("Status", INACTIVE);
        case "on_hold" -> out.set("Status", ACTIVE);
        default -> c.error("status", "valueMap", "unknown value", status);
      }
      out.set("OnHold", BooleanNode.valueOf("on_hold".equals(status.asText())));
    }
    String fullName = join(in.get("first_name"), in.get("last_name"));
    if (fullName != null) {
      out.put("CustomerName", fullName);
    }
    JsonNode company = in.get("company_name");
    if (!Checks.blank(company)) {
      out.put("CustomerName", company.asText().strip());
    }
    address(in.get("billing_address"), out, c);
    if (fullName != null) {
      out.put("ContactName", fullName);
    }
    JsonNode phone = in.get("phone");
    if (phone != null && !phone.isNull()) {
      if (phone.isTextual()) {
        out.put("PhoneNumber", Fixtures.digitsOnly(phone.textValue()));
      } else {
        c.error("phone", "function:digitsOnly", "expected a phone number text", phone);
      }
    }
    String email = Checks.text(in.get("email"));
    if (email != null) {
      out.put("Email", email.strip().toLowerCase(Locale.ROOT));
    }
    terms(in.get("payment_terms"), out, c);
    JsonNode taxExempt = in.get("tax_exempt");
    String tax = Checks.blank(taxExempt) ? "false" : taxExempt.asText();
    switch (tax) {
      case "true" -> out.put("TaxGroup", "EXEMPT");
      case "false" -> out.put("TaxGroup", "STANDARD");
      default -> c.error("tax_exempt", "valueMap", "unknown value", taxExempt);
    }
    JsonNode credit = in.get("credit_limit");
    BigDecimal limit = Checks.blank(credit) ? BigDecimal.ZERO : Checks.decimal(credit);
    if (limit == null) {
      c.error("credit_limit", "decimal", "not a decimal number", credit);
    } else {
      out.set("CreditLimitCustomerCurrency",
          NODES.numberNode(limit.setScale(2, RoundingMode.HALF_UP)));
    }
    JsonNode currency = in.get("currency");
    out.put("CurrencyCode", Checks.blank(currency) ? "USD"
        : currency.asText().strip().toUpperCase(Locale.ROOT));
    validate(out, c);
    return c.errors() == null ? MappingResult.success(out) : MappingResult.failure(c.errors());
  }

  private static void groupCode(JsonNode in, ObjectNode out, Checks c) {
    JsonNode metadata = in.get("metadata");
    if (metadata == null || metadata.isNull()) {
      return;
    }
    if (!metadata.isObject()) {
      c.error("metadata", "type", "expected an object", metadata);
      return;
    }
    JsonNode group = metadata.get("sage_group");
    if (Checks.blank(group)) {
      return;
    }
    if (!group.isTextual()) {
      c.error("metadata.sage_group", "split", "expected text", group);
      return;
    }
    String text = group.textValue();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('-', start);
      end = end < 0 ? text.length() : end;
      String part = text.substring(start, end).strip();
      if (!part.isEmpty()) {
        out.put("GroupCode", part);
        return;
      }
      start = end + 1;
    }
  }

  private static String join(JsonNode first, JsonNode last) {
    boolean hasFirst = !Checks.blank(first);
    boolean hasLast = !Checks.blank(last);
    if (hasFirst && hasLast) {
      return first.asText().strip() + " " + last.asText().strip();
    }
    return hasFirst ? first.asText().strip() : hasLast ? last.asText().strip() : null;
  }

  private static void address(JsonNode address, ObjectNode out, Checks c) {
    if (address == null || address.isNull()) {
      return;
    }
    if (!address.isObject()) {
      c.error("billing_address", "addressJoin", "expected an address object", address);
      return;
    }
    JsonNode line1 = address.get("line1");
    JsonNode line2 = address.get("line2");
    int target = 0;
    if (!Checks.blank(line1)) {
      out.put(LINE_TARGETS[target++], line1.asText().strip());
    }
    if (!Checks.blank(line2)) {
      out.put(LINE_TARGETS[target++], line2.asText().strip());
    }
    while (target < LINE_TARGETS.length) {
      out.set(LINE_TARGETS[target++], EMPTY);
    }
    copy(address, "city", out, "City");
    copy(address, "state", out, "StateProvince");
    copy(address, "postal_code", out, "ZipPostalCode");
    copy(address, "country", out, "Country");
  }

  private static void copy(JsonNode from, String field, ObjectNode out, String to) {
    JsonNode v = from.get(field);
    if (v != null && !v.isNull()) {
      out.set(to, v);
    }
  }

  private static void terms(JsonNode v, ObjectNode out, Checks c) {
    String code = Checks.blank(v) ? "net30" : v.asText();
    switch (code) {
      case "net30" -> out.put("Terms", "30");
      case "net60" -> out.put("Terms", "60");
      case "due_on_receipt" -> out.put("Terms", "COD");
      default -> c.error("payment_terms", "lookup", "unknown value in table 'terms'", v);
    }
  }

  private static void validate(ObjectNode out, Checks c) {
    JsonNode number = c.required("CustomerNumber", out.get("CustomerNumber"));
    c.maxLength("CustomerNumber", number, 12);
    c.pattern("CustomerNumber", number, CUSTOMER_NUMBER);
    c.maxLength("ShortName", c.required("ShortName", out.get("ShortName")), 10);
    c.maxLength("GroupCode", c.required("GroupCode", out.get("GroupCode")), 6);
    c.maxLength("CustomerName", c.required("CustomerName", out.get("CustomerName")), 60);
    for (String line : LINE_TARGETS) {
      c.maxLength(line, out.get(line), 60);
    }
    c.maxLength("City", out.get("City"), 30);
    c.maxLength("ZipPostalCode", out.get("ZipPostalCode"), 20);
    c.maxLength("PhoneNumber", out.get("PhoneNumber"), 30);
    JsonNode email = out.get("Email");
    c.maxLength("Email", email, 50);
    c.pattern("Email", email, EMAIL);
    c.range("CreditLimitCustomerCurrency", out.get("CreditLimitCustomerCurrency"),
        BigDecimal.ZERO, MAX_CREDIT);
    c.pattern("CurrencyCode", c.required("CurrencyCode", out.get("CurrencyCode")), CURRENCY);
  }
}
