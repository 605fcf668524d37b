package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sage 300 ARCustomer back to a BNG customer: name split, nested targets, decimal strings. */
class ReverseCustomerMappingTest {

  static CompiledMapping java() {
    return Mapping.builder("customer-sage300-to-bng")
        .table("terms", Map.of("30", "net30", "60", "net60", "COD", "due_on_receipt"))
        .rule(Rules.copy("CustomerNumber").trim().to("external_id"))
        .rule(Rules.copy("CustomerName").trim().to("company_name"))
        .rule(Rules.split("ContactName", " ").firstRest("first_name", "last_name"))
        .rule(Rules.copy("Email").trim().lower().to("email"))
        .copy("PhoneNumber", "phone")
        .rule(Rules.copy("AddressLine1").trim().to("billing_address.line1"))
        .rule(Rules.join(", ", "AddressLine2", "AddressLine3", "AddressLine4")
            .to("billing_address.line2"))
        .copy("City", "billing_address.city")
        .copy("StateProvince", "billing_address.state")
        .copy("ZipPostalCode", "billing_address.postal_code")
        .rule(Rules.copy("Country").orDefault("CA").to("billing_address.country"))
        .rule(Rules.copy("Status").valueMap(Map.of("Active", "active", "Inactive", "inactive"))
            .to("status"))
        .rule(Rules.constant("on_hold").to("status").when(Condition.equals("OnHold", "true")))
        .rule(Rules.copy("CreditLimitCustomerCurrency")
            .decimal(2, java.math.RoundingMode.HALF_UP, NumberOutput.TEXT).to("credit_limit"))
        .rule(Rules.copy("Terms").lookupPassThrough("terms").to("payment_terms"))
        .copy("CurrencyCode", "currency")
        .rule(Rules.copy("DateLastMaintained").date(DateConversion.to("yyyy-MM-dd"))
            .to("metadata.sage_last_maintained"))
        .validate(FieldValidation.field("external_id").required())
        .validate(FieldValidation.field("company_name").required())
        .validate(FieldValidation.field("status").oneOf(List.of("active", "inactive", "on_hold")))
        .validate(FieldValidation.field("credit_limit").range(BigDecimal.ZERO, null))
        .build();
  }

  static ObjectNode sage300Customer() {
    return json("""
        {"CustomerNumber": "1200", "ShortName": "BLACK", "GroupCode": "RTL", "Status": "Active",
         "OnHold": true, "CustomerName": "Ronald Black Hardware", "AddressLine1": "12 King St W",
         "AddressLine2": "Suite 400", "AddressLine3": "", "AddressLine4": "Attn: AP",
         "City": "Toronto", "StateProvince": "ON", "ZipPostalCode": "M5H 1A1", "Country": "CA",
         "ContactName": "Ronald  van Black", "PhoneNumber": "4165550100",
         "Email": "RON@EXAMPLE.COM", "Terms": "30", "CreditLimitCustomerCurrency": 5000.000,
         "CurrencyCode": "CAD", "DateLastMaintained": "2026-04-01T00:00:00Z"}
        """);
  }

  @Test
  void apply_sage300Customer_givesBngCustomerWithSplitNameAndDecimalString() {
    MappingResult r = java().apply(sage300Customer());

    assertThat(r.errors()).isEmpty();
    assertThat(r.fields()).isEqualTo(json("""
        {"external_id": "1200", "company_name": "Ronald Black Hardware",
         "first_name": "Ronald", "last_name": "van Black", "email": "ron@example.com",
         "phone": "4165550100",
         "billing_address": {"line1": "12 King St W", "line2": "Suite 400, Attn: AP",
           "city": "Toronto", "state": "ON", "postal_code": "M5H 1A1", "country": "CA"},
         "status": "on_hold", "credit_limit": "5000.00", "payment_terms": "net30",
         "currency": "CAD", "metadata": {"sage_last_maintained": "2026-04-01"}}
        """));
  }

  @Test
  void apply_jsonAndJavaDefinitions_giveIdenticalResults() {
    CompiledMapping fromJson = BngSage300Mappings.load(MappingLoader.defaults(),
        "customer-sage300-to-bng.json");
    ObjectNode active = sage300Customer();
    active.put("OnHold", false);
    active.put("Terms", "90");
    ObjectNode bad = sage300Customer();
    bad.put("Status", "Archived");
    bad.put("CreditLimitCustomerCurrency", "-5");
    bad.put("DateLastMaintained", "2026-13-01");
    bad.remove("CustomerNumber");

    for (ObjectNode input : List.of(sage300Customer(), active, bad, json("{}"))) {
      AcceptanceMappingTest.assertSame(java().apply(input), fromJson.apply(input));
    }
    assertThat(fromJson.apply(active).fields().get("status").asText()).isEqualTo("active");
    assertThat(fromJson.apply(active).fields().get("payment_terms").asText()).isEqualTo("90");
    assertThat(fromJson.apply(bad).errors()).extracting(FieldError::path).containsExactly(
        "external_id", "Status", "credit_limit", "DateLastMaintained");
  }
}
