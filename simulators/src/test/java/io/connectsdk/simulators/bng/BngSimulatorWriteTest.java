package io.connectsdk.simulators.bng;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.simulators.base.MutableClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BngSimulatorWriteTest {
  private static final String ACME = "{\"external_id\":\"1200\",\"company_name\":\"Acme\","
      + "\"email\":\"ap@acme.test\",\"credit_limit\":\"5000.00\",\"metadata\":{\"origin\":\"sage\"}}";

  private final MutableClock clock = new MutableClock("2026-11-22T10:00:00.123Z");
  private final BngSimulator sim =
      BngSimulator.builder().clock(clock).unlimitedRate().build().start();
  private final BngHttp http = new BngHttp(sim);

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void create_validCustomer_201WithStampedRecord() throws IOException {
    BngHttp.Result r = http.post("/customers", ACME);

    assertThat(r.status()).isEqualTo(201);
    JsonNode c = r.json();
    assertThat(c.get("id").asText()).startsWith("cus_");
    assertThat(c.get("external_id").asText()).isEqualTo("1200");
    assertThat(c.get("version").asInt()).isEqualTo(1);
    assertThat(c.get("created_at").asText()).isEqualTo("2026-11-22T10:00:00.123Z");
    assertThat(c.get("updated_at").asText()).isEqualTo("2026-11-22T10:00:00.123Z");
    assertThat(c.at("/metadata/origin").asText()).isEqualTo("sage");
    assertThat(sim.records("customers")).hasSize(1);
    assertThat(http.get("/customers/" + c.get("id").asText()).json()).isEqualTo(c);
  }

  @Test
  void create_sameIdempotencyKeyAndBody_replaysFirstAnswerWithoutNewRecord() throws IOException {
    BngHttp.Result first = http.post("/customers", ACME, "key-1");
    clock.advance(Duration.ofSeconds(5));
    BngHttp.Result again = http.post("/customers", ACME, "key-1");

    assertThat(again.status()).isEqualTo(201);
    assertThat(again.text()).isEqualTo(first.text());
    assertThat(sim.count("customers")).isEqualTo(1);
    assertThat(sim.idempotentReplays()).isEqualTo(1);
    assertThat(sim.events()).hasSize(1);
  }

  @Test
  void create_sameIdempotencyKeyOtherBody_409IdempotencyConflict() throws IOException {
    http.post("/customers", ACME, "key-1");
    BngHttp.Result other = http.post("/customers", ACME.replace("Acme", "Other"), "key-1");

    assertThat(other.status()).isEqualTo(409);
    assertThat(other.errorType()).isEqualTo("idempotency_conflict");
    assertThat(sim.count("customers")).isEqualTo(1);
  }

  @Test
  void create_duplicateExternalId_409Conflict() throws IOException {
    http.post("/customers", ACME);
    BngHttp.Result dup = http.post("/customers", ACME);

    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.errorType()).isEqualTo("conflict");
    assertThat(dup.json().at("/error/fields/external_id").asText()).isEqualTo("already exists");
  }

  @Test
  void create_invalidFields_422ValidationErrorByField() throws IOException {
    BngHttp.Result r = http.post("/customers", "{\"company_name\":\"A\",\"email\":\"nope\","
        + "\"credit_limit\":5000,\"status\":\"gone\",\"currency\":\"usd\"}");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.errorType()).isEqualTo("validation_error");
    JsonNode fields = r.json().at("/error/fields");
    assertThat(fields.get("email").asText()).isEqualTo("is invalid");
    assertThat(fields.get("credit_limit").asText()).isEqualTo("must be a decimal string");
    assertThat(fields.has("status")).isTrue();
    assertThat(fields.has("currency")).isTrue();
    assertThat(sim.count("customers")).isZero();
  }

  @Test
  void create_notJson_400ValidationError() throws IOException {
    BngHttp.Result r = http.post("/customers", "<html>");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorType()).isEqualTo("validation_error");
  }

  @Test
  void patch_partialBody_200NewVersionOtherFieldsKept() throws IOException {
    String id = http.post("/customers", ACME).json().get("id").asText();
    clock.advance(Duration.ofSeconds(1));

    BngHttp.Result r = http.patch("/customers/" + id, "{\"credit_limit\":\"7500.00\"}", null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("credit_limit").asText()).isEqualTo("7500.00");
    assertThat(r.json().get("company_name").asText()).isEqualTo("Acme");
    assertThat(r.json().get("version").asInt()).isEqualTo(2);
    assertThat(r.json().get("updated_at").asText()).isEqualTo("2026-11-22T10:00:01.123Z");
    assertThat(r.json().get("created_at").asText()).isEqualTo("2026-11-22T10:00:00.123Z");
  }

  @Test
  void patch_unchangedContent_keepsVersionAndEmitsNothing() throws IOException {
    String id = http.post("/customers", ACME).json().get("id").asText();
    BngHttp.Result r = http.patch("/customers/" + id, "{\"company_name\":\"Acme\"}", null);

    assertThat(r.json().get("version").asInt()).isEqualTo(1);
    assertThat(sim.events()).extracting(BngEvent::type).containsExactly("customer.created");
  }

  @Test
  void patch_staleIfMatch_412VersionConflictNothingChanged() throws IOException {
    String id = http.post("/customers", ACME).json().get("id").asText();
    http.patch("/customers/" + id, "{\"phone\":\"1\"}", "1");

    BngHttp.Result stale = http.patch("/customers/" + id, "{\"phone\":\"2\"}", "1");

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.errorType()).isEqualTo("version_conflict");
    assertThat(sim.record("customers", id).orElseThrow().get("phone").asText()).isEqualTo("1");
    assertThat(http.patch("/customers/" + id, "{\"phone\":\"2\"}", "\"2\"").status())
        .isEqualTo(200);
  }

  @Test
  void get_unknownId_404NotFound() throws IOException {
    BngHttp.Result r = http.get("/customers/cus_nope");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorType()).isEqualTo("not_found");
    assertThat(http.patch("/customers/cus_nope", "{}", null).status()).isEqualTo(404);
    assertThat(http.get("/widgets").status()).isEqualTo(404);
  }

  @Test
  void create_itemWithTakenSku_409Conflict() throws IOException {
    assertThat(http.post("/items", "{\"sku\":\"A-1\",\"unit_price\":\"9.99\"}").status())
        .isEqualTo(201);
    BngHttp.Result dup = http.post("/items", "{\"sku\":\"A-1\"}");
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.json().at("/error/fields/sku").asText()).isEqualTo("already exists");
  }

  @Test
  void create_orderWithLinesInline_referencesChecked() throws IOException {
    String customer = http.post("/customers", ACME).json().get("id").asText();
    String lines = "\"lines\":[{\"line_id\":\"1\",\"sku\":\"A-1\",\"quantity\":2,"
        + "\"unit_price\":\"9.99\"}]";

    BngHttp.Result ok = http.post("/orders", "{\"customer_id\":\"" + customer + "\","
        + "\"status\":\"pending\"," + lines + "}");
    BngHttp.Result dangling = http.post("/orders", "{\"customer_id\":\"cus_x\"," + lines + "}");

    assertThat(ok.status()).isEqualTo(201);
    assertThat(ok.json().get("id").asText()).startsWith("ord_");
    assertThat(ok.json().get("order_number").asText()).isEqualTo("SO-000001");
    assertThat(ok.json().at("/lines/0/quantity").asInt()).isEqualTo(2);
    assertThat(dangling.status()).isEqualTo(422);
    assertThat(dangling.json().at("/error/fields/customer_id").asText()).isEqualTo("does not exist");
  }

  @Test
  void create_journalEntryNotBalanced_422() throws IOException {
    String lines = "[{\"account\":\"1000\",\"amount\":\"10.00\"},"
        + "{\"account\":\"4000\",\"amount\":\"-9.00\"}]";
    BngHttp.Result r = http.post("/journal-entries", "{\"lines\":" + lines + "}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().at("/error/fields/lines").asText()).isEqualTo("amounts must sum to zero");
    assertThat(http.post("/journal-entries", "{\"lines\":" + lines.replace("-9.00", "-10.00")
        + "}").status()).isEqualTo(201);
  }

  @Test
  void create_invoiceAndPayment_kindsChecked() throws IOException {
    String customer = http.post("/customers", ACME).json().get("id").asText();
    BngHttp.Result invoice = http.post("/invoices", "{\"kind\":\"receivable\",\"customer_id\":\""
        + customer + "\",\"total\":\"10.00\",\"status\":\"open\"}");
    BngHttp.Result payment = http.post("/payments", "{\"kind\":\"received\",\"amount\":\"10.00\","
        + "\"applied_to\":[{\"invoice_id\":\"" + invoice.json().get("id").asText()
        + "\",\"amount\":\"10.00\"}]}");
    BngHttp.Result payable = http.post("/invoices", "{\"kind\":\"payable\",\"customer_id\":\""
        + customer + "\"}");

    assertThat(invoice.status()).isEqualTo(201);
    assertThat(payment.status()).isEqualTo(201);
    assertThat(payable.status()).isEqualTo(422);
    assertThat(payable.json().at("/error/fields/vendor_id").asText()).isEqualTo("is required");
  }

  @Test
  void putInventory_newThenChanged_availableComputedAndVersioned() throws IOException {
    http.post("/items", "{\"sku\":\"A-1\"}");

    BngHttp.Result first = http.put("/inventory/A-1/MAIN", "{\"on_hand\":10,\"allocated\":3}");
    BngHttp.Result second = http.put("/inventory/A-1/MAIN", "{\"on_hand\":12}");
    BngHttp.Result unknownSku = http.put("/inventory/B-2/MAIN", "{\"on_hand\":1}");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("available").asInt()).isEqualTo(7);
    assertThat(second.json().get("available").asInt()).isEqualTo(9);
    assertThat(second.json().get("version").asInt()).isEqualTo(2);
    assertThat(http.get("/inventory/A-1/MAIN").json().get("on_hand").asInt()).isEqualTo(12);
    assertThat(http.get("/inventory?sku=A-1").json().get("data")).hasSize(1);
    assertThat(unknownSku.status()).isEqualTo(422);
    assertThat(sim.events()).extracting(BngEvent::type)
        .containsExactly("item.created", "inventory.updated", "inventory.updated");
    assertThat(sim.calls("PUT", "/inventory/{sku}/{location}")).isEqualTo(3);
  }
}
