package io.connectsdk.simulators.sage300;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Sage300SimulatorReadTest {
  private Sage300Simulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim = Sage300Simulator.builder().build().start();
    http = new SimHttp(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private void seedCustomers(int n) {
    for (int i = 1; i <= n; i++) {
      ObjectNode c = SimJson.object();
      c.put("CustomerNumber", String.format("C%04d", i));
      c.put("CustomerName", i % 2 == 0 ? "Even " + i : "Odd " + i);
      c.put("CreditLimitCustomerCurrency", new java.math.BigDecimal(i + ".50"));
      c.put("DateLastMaintained", i <= 10 ? "2026-01-01T00:00:00Z" : "2026-02-01T00:00:00Z");
      sim.put("AR", "ARCustomers", c);
    }
  }

  private List<String> customerNumbers(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("value").forEach(v -> out.add(v.path("CustomerNumber").asText()));
    return out;
  }

  @Test
  void get_collection_pagesByHundredWithNextLink() throws IOException {
    seedCustomers(250);
    List<String> all = new ArrayList<>();
    String url = "AR/ARCustomers";
    int pages = 0;
    while (url != null) {
      JsonNode page = http.get(url).json();
      assertThat(page.path("@odata.context").asText())
          .isEqualTo(sim.baseUrl() + "/Sage300WebApi/v1.0/-/SAMINC/AR/$metadata#ARCustomers");
      all.addAll(customerNumbers(page));
      url = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(all).hasSize(250).doesNotHaveDuplicates().isSorted();
    assertThat(all.get(0)).isEqualTo("C0001");
  }

  @Test
  void get_nextLink_preservesOtherOptions() throws IOException {
    seedCustomers(250);
    Sage300Simulator small = Sage300Simulator.builder().pageSize(7).build().start();
    try {
      for (ObjectNode c : sim.records("AR", "ARCustomers")) {
        small.put("AR", "ARCustomers", c);
      }
      HttpUrl url = HttpUrl.get(small.resourceUrl("AR", "ARCustomers")).newBuilder()
          .addQueryParameter("$filter", "startswith(CustomerName, 'Even') and "
              + "DateLastMaintained ge datetime'2026-02-01T00:00'")
          .addQueryParameter("$select", "CustomerNumber,CustomerName")
          .addQueryParameter("$count", "true")
          .build();
      SimHttp smallHttp = new SimHttp(small);
      List<String> got = new ArrayList<>();
      String next = url.toString();
      while (next != null) {
        JsonNode page = smallHttp.get(next).json();
        assertThat(page.path("@odata.count").asInt()).isEqualTo(120);
        page.path("value").forEach(v -> {
          assertThat(v.size()).isEqualTo(2);
          got.add(v.path("CustomerNumber").asText());
        });
        next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        if (next != null) {
          assertThat(next).startsWith(small.resourceUrl("AR", "ARCustomers") + "?$skip=")
              .contains("$filter=", "$select=", "$count=true");
        }
      }
      assertThat(got).hasSize(120).first().isEqualTo("C0012");
    } finally {
      small.close();
    }
  }

  @Test
  void get_topAcrossPages_stopsAtTop() throws IOException {
    seedCustomers(250);
    JsonNode first = http.get("AR/ARCustomers?$top=150&$skip=5").json();
    assertThat(customerNumbers(first)).hasSize(100).first().isEqualTo("C0006");
    String next = first.path("@odata.nextLink").asText();
    assertThat(next).endsWith("?$skip=105&$top=50");
    JsonNode second = http.get(next).json();
    assertThat(customerNumbers(second)).hasSize(50).last().isEqualTo("C0155");
    assertThat(second.has("@odata.nextLink")).isFalse();
    JsonNode small = http.get("AR/ARCustomers?$top=3").json();
    assertThat(customerNumbers(small)).containsExactly("C0001", "C0002", "C0003");
    assertThat(small.has("@odata.nextLink")).isFalse();
    assertThat(small.has("@odata.count")).isFalse();
  }

  @Test
  void get_skipBeyondEnd_emptyWithoutNextLink() throws IOException {
    seedCustomers(3);
    JsonNode page = http.get("AR/ARCustomers?$skip=10&$count=true").json();
    assertThat(page.path("value").size()).isZero();
    assertThat(page.path("@odata.count").asInt()).isEqualTo(3);
    assertThat(page.has("@odata.nextLink")).isFalse();
  }

  @Test
  void get_filterOverHttp_encodedQuotesAndDecimals() throws IOException {
    seedCustomers(20);
    ObjectNode quoted = SimJson.object();
    quoted.put("CustomerNumber", "Z1");
    quoted.put("CustomerName", "O'Brien & Sons + Co");
    sim.put("AR", "ARCustomers", quoted);
    HttpUrl url = HttpUrl.get(sim.resourceUrl("AR", "ARCustomers")).newBuilder()
        .addQueryParameter("$filter", "CustomerName eq 'O''Brien & Sons + Co'").build();
    assertThat(customerNumbers(http.get(url.toString()).json())).containsExactly("Z1");
    assertThat(customerNumbers(http.get(
        "AR/ARCustomers?$filter=CreditLimitCustomerCurrency%20le%203.50m%20or%20"
            + "CustomerNumber%20eq%20'C0020'").json()))
        .containsExactly("C0001", "C0002", "C0003", "C0020");
    assertThat(customerNumbers(http.get(
        "AR/ARCustomers?$filter=DateLastMaintained%20lt%202026-02-01T00:00:00Z%20and%20"
            + "substringof('Odd',CustomerName)").json()))
        .containsExactly("C0001", "C0003", "C0005", "C0007", "C0009");
  }

  @Test
  void get_badQuery_invalidParameters() throws IOException {
    SimHttp.Result repeated = http.get("AR/ARCustomers?$top=1&$top=2");
    assertThat(repeated.status()).isEqualTo(400);
    assertThat(repeated.errorCode()).isEqualTo("InvalidParameters");
    SimHttp.Result syntax = http.get("AR/ARCustomers?$filter=CustomerNumber%20eq");
    assertThat(syntax.status()).isEqualTo(400);
    assertThat(syntax.errorCode()).isEqualTo("InvalidParameters");
  }

  @Test
  void get_byKey_specialCharactersRoundTrip() throws IOException {
    for (String number : List.of("A B", "A/B", "Ünï-€", "O'Brien", "50%", "x(1)")) {
      ObjectNode c = SimJson.object();
      c.put("CustomerNumber", number);
      c.put("ShortName", "s");
      sim.put("AR", "ARCustomers", c);
      HttpUrl url = HttpUrl.get(sim.resourceUrl("AR", "ARCustomers")).newBuilder()
          .removePathSegment(5)
          .addPathSegment("ARCustomers('" + number.replace("'", "''") + "')")
          .build();
      SimHttp.Result r = http.get(url.toString());
      assertThat(r.status()).as(number).isEqualTo(200);
      assertThat(r.json().path("CustomerNumber").asText()).isEqualTo(number);
      assertThat(r.json().path("@odata.context").asText()).endsWith("#ARCustomers/$entity");
    }
  }

  @Test
  void get_byKey_selectAndMissing() throws IOException {
    seedCustomers(2);
    JsonNode one = http.get("AR/ARCustomers('C0002')?$select=CustomerName").json();
    assertThat(one.path("CustomerName").asText()).isEqualTo("Even 2");
    assertThat(one.has("CustomerNumber")).isFalse();
    SimHttp.Result missing = http.get("AR/ARCustomers('NOPE')");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("RecordNotFound");
    SimHttp.Result badKey = http.get("AR/ARCustomers(12)");
    assertThat(badKey.status()).isEqualTo(400);
    assertThat(badKey.errorCode()).isEqualTo("InvalidEntityKey");
    assertThat(http.get("AR/ARCustomers('C0002')?$top=1").status()).isEqualTo(400);
  }

  @Test
  void get_numericAndCompositeKeys_found() throws IOException {
    ObjectNode batch = SimJson.object();
    batch.put("BatchNumber", 66);
    batch.put("Description", "Invoices");
    sim.put("AR", "ARInvoiceBatches", batch);
    ObjectNode receipt = SimJson.object();
    receipt.put("BatchRecordType", "CA");
    receipt.put("BatchNumber", 65);
    sim.put("AR", "ARReceiptAndAdjustmentBatches", receipt);
    ObjectNode stock = SimJson.object();
    stock.put("ItemNumber", "A1-105");
    stock.put("Location", "WH 1");
    stock.put("QuantityOnHand", new java.math.BigDecimal("12.5000"));
    sim.put("IC", "ICLocationDetails", stock);

    assertThat(http.get("AR/ARInvoiceBatches(66)").json().path("Description").asText())
        .isEqualTo("Invoices");
    assertThat(http.get("AR/ARReceiptAndAdjustmentBatches(BatchRecordType='CA',BatchNumber=65)")
        .json().path("BatchNumber").asLong()).isEqualTo(65);
    JsonNode s = http.get("IC/ICLocationDetails(ItemNumber='A1-105',Location='WH%201')").json();
    assertThat(s.path("QuantityOnHand").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(s.path("QuantityOnHand").toString()).isEqualTo("12.5000");
    assertThat(http.get("AR/ARInvoiceBatches(67)").errorCode()).isEqualTo("RecordNotFound");
  }

  @Test
  void get_unknownCompanyModuleResource_resourceNotFound() throws IOException {
    for (String url : List.of(
        sim.baseUrl() + "/Sage300WebApi/v1.0/-/NOPE/AR/ARCustomers",
        sim.baseUrl() + "/Sage300WebApi/v1.0/-/SAMINC/XX/ARCustomers",
        sim.baseUrl() + "/Sage300WebApi/v1.0/-/SAMINC/AR/ARNothing",
        sim.baseUrl() + "/Sage300WebApi/v2.0/-/SAMINC/AR/ARCustomers",
        sim.baseUrl() + "/Sage300WebApi/v1.0/-/SAMINC/AR/ARCustomers('1')/Extra")) {
      SimHttp.Result r = http.get(url);
      assertThat(r.status()).as(url).isEqualTo(404);
      assertThat(r.errorCode()).as(url).isEqualTo("ResourceNotFound");
    }
  }

  @Test
  void get_companyIsCaseInsensitiveAndSeparate() throws IOException {
    Sage300Simulator two = Sage300Simulator.builder().companies("SAMINC", "SAMLTD").build().start();
    try {
      ObjectNode c = SimJson.object();
      c.put("CustomerNumber", "1");
      two.put("SAMLTD", "AR", "ARCustomers", c);
      SimHttp h = new SimHttp(two);
      assertThat(h.get(two.baseUrl() + "/Sage300WebApi/v1.0/-/samltd/AR/ARCustomers").json()
          .path("value").size()).isEqualTo(1);
      assertThat(h.get("AR/ARCustomers").json().path("value").size()).isZero();
    } finally {
      two.close();
    }
  }

  @Test
  void get_locationDetailsName_configurable() throws IOException {
    Sage300Simulator other = Sage300Simulator.builder()
        .locationDetailsResource("ICItemLocations").build().start();
    try {
      SimHttp h = new SimHttp(other);
      assertThat(h.get("IC/ICItemLocations").status()).isEqualTo(200);
      assertThat(h.get("IC/ICLocationDetails").errorCode()).isEqualTo("ResourceNotFound");
    } finally {
      other.close();
    }
  }
}
