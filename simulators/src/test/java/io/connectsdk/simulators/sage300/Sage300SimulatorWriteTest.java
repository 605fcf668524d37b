package io.connectsdk.simulators.sage300;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.simulators.base.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Sage300SimulatorWriteTest {
  private static final String CUSTOMER = """
      {"CustomerNumber":"1200","ShortName":"MAPLE","GroupCode":"WHL","TaxGroup":"ONT",
       "CustomerName":"Maple Leaf Stores","CreditLimitCustomerCurrency":15000.50}""";

  private final MutableClock clock = new MutableClock("2026-11-22T18:30:00Z");
  private Sage300Simulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim = Sage300Simulator.builder().clock(clock).build().start();
    http = new SimHttp(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private void seedItem(String number) {
    ObjectNode item = SimJson.object();
    item.put("ItemNumber", number);
    item.put("UnformattedItemNumber", number);
    item.put("Description", "Item " + number);
    sim.put("IC", "ICItems", item);
  }

  @Test
  void post_customer_createdWithBodyLocationAndDate() throws IOException {
    SimHttp.Result r = http.post("AR/ARCustomers", CUSTOMER);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.header("Location")).isEqualTo(sim.resourceUrl("AR", "ARCustomers") + "('1200')");
    JsonNode body = r.json();
    assertThat(body.path("DateLastMaintained").asText()).isEqualTo("2026-11-22T00:00:00Z");
    assertThat(body.path("CreditLimitCustomerCurrency").toString()).isEqualTo("15000.50");
    ObjectNode stored = sim.record("AR", "ARCustomers", "1200").orElseThrow();
    assertThat(names(stored)).containsExactly("CustomerNumber", "ShortName", "GroupCode",
        "TaxGroup", "CustomerName", "CreditLimitCustomerCurrency", "DateLastMaintained");
    assertThat(sim.count("AR", "ARCustomers")).isEqualTo(1);
  }

  @Test
  void post_missingRequiredOrTooLong_recordInvalid() throws IOException {
    for (String field : List.of("CustomerNumber", "ShortName", "GroupCode", "TaxGroup")) {
      ObjectNode body = (ObjectNode) SimJson.MAPPER.readTree(CUSTOMER);
      body.remove(field);
      SimHttp.Result r = http.post("AR/ARCustomers", body.toString());
      assertThat(r.status()).as(field).isEqualTo(400);
      assertThat(r.errorCode()).as(field).isEqualTo("RecordInvalid");
      assertThat(r.json().at("/error/message/value").asText()).contains(field);
    }
    SimHttp.Result tooLong = http.post("AR/ARCustomers", CUSTOMER.replace("MAPLE", "MAPLELEAF01"));
    assertThat(tooLong.errorCode()).isEqualTo("RecordInvalid");
    assertThat(tooLong.json().at("/error/message/value").asText()).contains("ShortName");
    assertThat(sim.count("AR", "ARCustomers")).isZero();
  }

  @Test
  void post_unknownPropertyOrBadJson_invalidPayload() throws IOException {
    SimHttp.Result unknown = http.post("AR/ARCustomers", CUSTOMER.replace("{", "{\"TermsCode\":\"N30\","));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorCode()).isEqualTo("InvalidPayload");
    assertThat(http.post("AR/ARCustomers", "{not json").errorCode()).isEqualTo("InvalidPayload");
    assertThat(http.post("AR/ARCustomers", "[]").errorCode()).isEqualTo("InvalidPayload");
    assertThat(http.post("AR/ARCustomers", CUSTOMER.replace("\"1200\"", "1200")).errorCode())
        .isEqualTo("InvalidPayload");
  }

  @Test
  void post_duplicate_recordDuplicateWithConfiguredStatus() throws IOException {
    assertThat(http.post("AR/ARCustomers", CUSTOMER).status()).isEqualTo(201);
    SimHttp.Result dup = http.post("AR/ARCustomers", CUSTOMER);
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.errorCode()).isEqualTo("RecordDuplicate");

    Sage300Simulator other = Sage300Simulator.builder().duplicateStatus(400).build().start();
    try {
      SimHttp h = new SimHttp(other);
      h.post("AR/ARCustomers", CUSTOMER);
      SimHttp.Result again = h.post("AR/ARCustomers", CUSTOMER);
      assertThat(again.status()).isEqualTo(400);
      assertThat(again.errorCode()).isEqualTo("RecordDuplicate");
    } finally {
      other.close();
    }
  }

  @Test
  void post_order_generatesNumbersAndChecksCustomerAndItems() throws IOException {
    http.post("AR/ARCustomers", CUSTOMER);
    seedItem("A1-103");
    String order = """
        {"CustomerNumber":"1200","OrderReference":"SHOP-77","OrderDate":"2020-01-15",
         "OrderDetails":[{"LineType":"Item","Item":"A1-103","Location":"1","QuantityOrdered":2,
           "PricingUnitPrice":19.99},
          {"LineType":"Miscellaneous","MiscellaneousChargesCode":"FRT","ExtendedAmount":5.00}]}""";
    SimHttp.Result first = http.post("OE/OEOrders", order);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().path("OrderUniquifier").asLong()).isEqualTo(1);
    assertThat(first.json().path("OrderNumber").asText()).isEqualTo("ORD000000000001");
    assertThat(first.json().path("OrderReference").asText()).isEqualTo("SHOP-77");
    assertThat(first.json().at("/OrderDetails/1/LineNumber").asInt()).isEqualTo(2);
    assertThat(first.header("Location")).endsWith("OEOrders(1)");
    JsonNode second = http.post("OE/OEOrders", order.replace("SHOP-77", "SHOP-78")).json();
    assertThat(second.path("OrderNumber").asText()).isEqualTo("ORD000000000002");
    assertThat(http.get("OE/OEOrders(2)").json().path("OrderReference").asText())
        .isEqualTo("SHOP-78");
    assertThat(http.get("OE/OEOrders?$filter=OrderReference%20eq%20'SHOP-77'").json()
        .at("/value/0/OrderNumber").asText()).isEqualTo("ORD000000000001");

    SimHttp.Result noCustomer = http.post("OE/OEOrders", order.replace("\"1200\"", "\"9999\""));
    assertThat(noCustomer.errorCode()).isEqualTo("RecordInvalid");
    SimHttp.Result noItem = http.post("OE/OEOrders", order.replace("A1-103", "NOPE"));
    assertThat(noItem.errorCode()).isEqualTo("RecordInvalid");
    assertThat(sim.count("OE", "OEOrders")).isEqualTo(2);
  }

  @Test
  void post_orderWithOwnNumber_keptAndDuplicateRejected() throws IOException {
    http.post("AR/ARCustomers", CUSTOMER);
    String order = "{\"OrderNumber\":\"WEB-1\",\"CustomerNumber\":\"1200\"}";
    assertThat(http.post("OE/OEOrders", order).json().path("OrderNumber").asText())
        .isEqualTo("WEB-1");
    SimHttp.Result dup = http.post("OE/OEOrders", order);
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.errorCode()).isEqualTo("RecordDuplicate");
  }

  @Test
  void ordersPatchPutDelete_methodNotAllowed() throws IOException {
    for (String method : List.of("PATCH", "PUT", "DELETE")) {
      SimHttp.Result r = http.call(method, "OE/OEOrders(1)", method.equals("DELETE") ? null : "{}");
      assertThat(r.status()).as(method).isEqualTo(405);
      assertThat(r.errorCode()).isEqualTo("MethodNotAllowed");
      assertThat(r.header("Allow")).isEqualTo("GET, POST");
    }
    SimHttp.Result readOnly = http.post("IC/ICLocationDetails", "{}");
    assertThat(readOnly.status()).isEqualTo(405);
    assertThat(http.patch("AR/ARCustomers", "{}").status()).isEqualTo(405);
  }

  @Test
  void patch_partialUpdate_keepsOrderAndRestampsDate() throws IOException {
    http.post("AR/ARCustomers", CUSTOMER);
    clock.advance(Duration.ofDays(3));
    SimHttp.Result r = http.patch("AR/ARCustomers('1200')", "{\"CustomerName\":\"Maple\",\"Email\":\"a@b.c\"}");
    assertThat(r.status()).isEqualTo(200);
    ObjectNode stored = sim.record("AR", "ARCustomers", "1200").orElseThrow();
    assertThat(stored.path("CustomerName").asText()).isEqualTo("Maple");
    assertThat(stored.path("ShortName").asText()).isEqualTo("MAPLE");
    assertThat(stored.path("DateLastMaintained").asText()).isEqualTo("2026-11-25T00:00:00Z");
    assertThat(names(stored)).containsExactly("CustomerNumber", "ShortName", "GroupCode",
        "TaxGroup", "CustomerName", "CreditLimitCustomerCurrency", "DateLastMaintained", "Email");
    assertThat(http.patch("AR/ARCustomers('1200')", "{\"CustomerNumber\":\"9\"}").errorCode())
        .isEqualTo("InvalidPayload");
    assertThat(http.patch("AR/ARCustomers('1200')", "{\"ShortName\":\"ELEVENCHARS\"}").errorCode())
        .isEqualTo("RecordInvalid");
    assertThat(http.patch("AR/ARCustomers('NOPE')", "{}").errorCode()).isEqualTo("RecordNotFound");
  }

  @Test
  void patch_updateReturnsRecordFalse_answers204() throws IOException {
    Sage300Simulator other = Sage300Simulator.builder().updateReturnsRecord(false).build().start();
    try {
      SimHttp h = new SimHttp(other);
      h.post("AR/ARCustomers", CUSTOMER);
      SimHttp.Result r = h.patch("AR/ARCustomers('1200')", "{\"CustomerName\":\"X\"}");
      assertThat(r.status()).isEqualTo(204);
      assertThat(r.text()).isEmpty();
    } finally {
      other.close();
    }
  }

  @Test
  void patch_detailRows_followUpdateOperation() throws IOException {
    String item = """
        {"UnformattedItemNumber":"A1-103","Description":"Chair","ItemUnitsOfMeasure":[
          {"UnitOfMeasure":"Ea","ConversionFactor":1},{"UnitOfMeasure":"Box","ConversionFactor":12}]}""";
    assertThat(http.post("IC/ICItems", item).status()).isEqualTo(201);
    SimHttp.Result r = http.patch("IC/ICItems('A1-103')", """
        {"ItemUnitsOfMeasure":[
          {"UnitOfMeasure":"Box","ConversionFactor":10,"UpdateOperation":"Update"},
          {"UnitOfMeasure":"Ea","UpdateOperation":"Delete"},
          {"UnitOfMeasure":"Pal","ConversionFactor":480,"UpdateOperation":"Insert"},
          {"UnitOfMeasure":"Cs","ConversionFactor":24}]}""");
    assertThat(r.status()).isEqualTo(200);
    JsonNode uoms = sim.record("IC", "ICItems", "A1-103").orElseThrow().get("ItemUnitsOfMeasure");
    assertThat(uoms.toString()).isEqualTo("[{\"UnitOfMeasure\":\"Box\",\"ConversionFactor\":10},"
        + "{\"UnitOfMeasure\":\"Pal\",\"ConversionFactor\":480},"
        + "{\"UnitOfMeasure\":\"Cs\",\"ConversionFactor\":24}]");
    assertThat(http.patch("IC/ICItems('A1-103')",
        "{\"ItemUnitsOfMeasure\":[{\"UnitOfMeasure\":\"Zz\",\"UpdateOperation\":\"Update\"}]}")
        .errorCode()).isEqualTo("RecordNotFound");
    assertThat(http.patch("IC/ICItems('A1-103')",
        "{\"ItemUnitsOfMeasure\":[{\"UnitOfMeasure\":\"Box\",\"UpdateOperation\":\"Insert\"}]}")
        .errorCode()).isEqualTo("RecordDuplicate");
    assertThat(http.patch("IC/ICItems('A1-103')",
        "{\"ItemUnitsOfMeasure\":[{\"UnitOfMeasure\":\"Box\",\"UpdateOperation\":\"Upsert\"}]}")
        .errorCode()).isEqualTo("InvalidPayload");
  }

  @Test
  void put_dropsDetailRowsMissingFromBody() throws IOException {
    http.post("IC/ICItems", """
        {"UnformattedItemNumber":"A1","Description":"Chair","Category":"CHR","ItemUnitsOfMeasure":[
          {"UnitOfMeasure":"Ea","ConversionFactor":1},{"UnitOfMeasure":"Box","ConversionFactor":12}]}""");
    SimHttp.Result r = http.put("IC/ICItems('A1')", """
        {"Description":"Chair v2","ItemUnitsOfMeasure":[{"UnitOfMeasure":"Box","ConversionFactor":6}]}""");
    assertThat(r.status()).isEqualTo(200);
    ObjectNode stored = sim.record("IC", "ICItems", "A1").orElseThrow();
    assertThat(stored.path("Description").asText()).isEqualTo("Chair v2");
    assertThat(stored.path("Category").asText()).isEqualTo("CHR");
    assertThat(stored.get("ItemUnitsOfMeasure").toString())
        .isEqualTo("[{\"UnitOfMeasure\":\"Box\",\"ConversionFactor\":6}]");
    http.put("IC/ICItems('A1')", "{\"Description\":\"Chair v3\"}");
    assertThat(sim.record("IC", "ICItems", "A1").orElseThrow().get("ItemUnitsOfMeasure").size())
        .isZero();
  }

  @Test
  void post_item_writesUnformattedReadsItemNumber() throws IOException {
    SimHttp.Result readOnlyKey = http.post("IC/ICItems", "{\"ItemNumber\":\"A1\",\"Description\":\"x\"}");
    assertThat(readOnlyKey.errorCode()).isEqualTo("RecordInvalid");
    JsonNode created = http.post("IC/ICItems",
        "{\"UnformattedItemNumber\":\"A1\",\"Description\":\"x\"}").json();
    assertThat(created.path("ItemNumber").asText()).isEqualTo("A1");
    assertThat(http.get("IC/ICItems('A1')").status()).isEqualTo(200);
  }

  @Test
  void delete_removesThenNotFound() throws IOException {
    http.post("AR/ARCustomers", CUSTOMER);
    assertThat(http.delete("AR/ARCustomers('1200')").status()).isEqualTo(204);
    assertThat(sim.count("AR", "ARCustomers")).isZero();
    assertThat(http.delete("AR/ARCustomers('1200')").errorCode()).isEqualTo("RecordNotFound");
    assertThat(http.delete("AR/ARInvoiceBatches(1)").status()).isEqualTo(405);
  }

  @Test
  void post_batches_numberedPerTypeAndPatchedByRow() throws IOException {
    ObjectNode seeded = SimJson.object();
    seeded.put("BatchNumber", 66);
    sim.put("AR", "ARInvoiceBatches", seeded);
    JsonNode batch = http.post("AR/ARInvoiceBatches", """
        {"BatchNumber":0,"BatchDate":"2026-11-22","Description":"Web","Invoices":[
          {"CustomerNumber":"1200","DocumentType":"Invoice","InvoiceDetails":[
            {"DistributionCode":"SALES","ExtendedAmountWithTIP":100.00}]}]}""").json();
    assertThat(batch.path("BatchNumber").asLong()).isEqualTo(67);
    assertThat(batch.path("DateLastEdited").asText()).isEqualTo("2026-11-22T00:00:00Z");
    assertThat(batch.at("/Invoices/0/EntryNumber").asInt()).isEqualTo(1);
    assertThat(batch.at("/Invoices/0/InvoiceDetails/0/LineNumber").asInt()).isEqualTo(1);
    SimHttp.Result patched = http.patch("AR/ARInvoiceBatches(67)", """
        {"Invoices":[{"EntryNumber":1,"InvoiceDetails":[{"DistributionCode":"FRT",
          "ExtendedAmountWithTIP":5.00}]},{"CustomerNumber":"1300","DocumentType":"Invoice"}]}""");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().at("/Invoices/0/InvoiceDetails/1/LineNumber").asInt()).isEqualTo(2);
    assertThat(patched.json().at("/Invoices/1/EntryNumber").asInt()).isEqualTo(2);

    JsonNode ca = http.post("AR/ARReceiptAndAdjustmentBatches", "{\"BatchRecordType\":\"CA\"}").json();
    JsonNode ad = http.post("AR/ARReceiptAndAdjustmentBatches", "{\"BatchRecordType\":\"AD\"}").json();
    assertThat(ca.path("BatchNumber").asLong()).isEqualTo(1);
    assertThat(ad.path("BatchNumber").asLong()).isEqualTo(1);
    assertThat(http.get("AR/ARReceiptAndAdjustmentBatches(BatchRecordType='AD',BatchNumber=1)")
        .status()).isEqualTo(200);
    assertThat(http.post("AR/ARReceiptAndAdjustmentBatches", "{\"BatchRecordType\":\"XX\"}")
        .errorCode()).isEqualTo("RecordInvalid");
    assertThat(http.post("AP/APPaymentAndAdjustmentBatches", "{\"BatchSelector\":\"PY\"}").status())
        .isEqualTo(201);
    assertThat(http.post("AP/APInvoiceBatches", "{\"Description\":\"AP\"}").status()).isEqualTo(201);
  }

  @Test
  void post_journal_mustBalance() throws IOException {
    String journal = """
        {"Description":"JE","JournalHeaders":[{"SourceLedger":"GL","SourceType":"JE",
          "JournalDetails":[{"AccountNumber":"1000","Amount":100.10},
                            {"AccountNumber":"4000","Amount":-100.10}]}]}""";
    JsonNode ok = http.post("GL/GLJournalBatches", journal).json();
    assertThat(ok.at("/JournalHeaders/0/JournalDetails/1/TransactionNumber").asInt()).isEqualTo(2);
    SimHttp.Result unbalanced = http.post("GL/GLJournalBatches", journal.replace("-100.10", "-100.00"));
    assertThat(unbalanced.status()).isEqualTo(400);
    assertThat(unbalanced.errorCode()).isEqualTo("RecordInvalid");
    assertThat(unbalanced.json().at("/error/message/value").asText()).contains("0.10");
  }

  @Test
  void post_purchaseOrder_needsVendor() throws IOException {
    assertThat(http.post("PO/POPurchaseOrders", "{\"VendorNumber\":\"V1\"}").errorCode())
        .isEqualTo("RecordInvalid");
    assertThat(http.post("AP/APVendors",
        "{\"VendorNumber\":\"V1\",\"ShortName\":\"V\",\"GroupCode\":\"G\",\"OnHold\":\"NotOnHold\"}")
        .status()).isEqualTo(201);
    JsonNode po = http.post("PO/POPurchaseOrders", "{\"VendorNumber\":\"V1\"}").json();
    assertThat(po.path("PurchaseOrderNumber").asText()).isEqualTo("PO0000000000001");
    assertThat(po.path("PurchaseOrderSequenceKey").asLong()).isEqualTo(1);
  }
}
