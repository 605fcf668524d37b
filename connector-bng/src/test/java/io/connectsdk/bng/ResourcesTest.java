package io.connectsdk.bng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every bng.md resource through the connector: write, get, find and read back. */
class ResourcesTest {
  private final TestBng bng = TestBng.start();
  private final BngConnector c = bng.connector().build();
  private int n;

  @AfterEach
  void stop() {
    c.close();
    bng.close();
  }

  private WriteResult write(EntityType type, ObjectNode fields) {
    WriteResult r = c.write(type, List.of(WriteRequest.upsert(Optional.empty(), fields,
        "test:" + type + ":" + n, "key-" + n++))).get(0);
    assertThat(r.isSuccess()).as("%s %s", type, r).isTrue();
    assertThat(c.get(type, r.targetId().orElseThrow())).as("get %s", type).isPresent();
    List<Entity> read = c.readChanges(type, Cursor.BEGINNING, 100).entities();
    assertThat(read).extracting(Entity::id).as("read %s", type).contains(r.targetId().get());
    return r;
  }

  private static ObjectNode line(String sku) {
    ObjectNode l = Json.object().put("sku", sku).put("quantity", 2).put("unit_price", "9.50");
    return l;
  }

  @Test
  void everyResource_writtenReadAndFound() {
    String customer = write(EntityType.CUSTOMER, Json.object().put("external_id", "1200")
        .put("company_name", "Acme")).targetId().orElseThrow();
    String vendor = write(EntityType.VENDOR, Json.object().put("name", "Parts Inc"))
        .targetId().orElseThrow();
    String category = write(EntityType.PRODUCT_CATEGORY, Json.object().put("name", "Tools"))
        .targetId().orElseThrow();
    write(EntityType.ITEM, Json.object().put("sku", "SKU-1").put("name", "Hammer")
        .put("category_id", category).put("unit_price", "9.50"));
    ObjectNode order = Json.object().put("customer_id", customer).put("currency", "USD");
    order.putArray("lines").add(line("SKU-1"));
    String orderId = write(EntityType.SALES_ORDER, order).targetId().orElseThrow();
    ObjectNode po = Json.object().put("vendor_id", vendor);
    po.putArray("lines").add(line("SKU-1"));
    write(EntityType.PURCHASE_ORDER, po);
    ObjectNode shipment = Json.object().put("order_id", orderId).put("carrier", "UPS");
    shipment.putArray("lines").add(Json.object().put("sku", "SKU-1").put("quantity", 2));
    write(EntityType.SHIPMENT, shipment);
    String invoice = write(EntityType.INVOICE, Json.object().put("kind", "receivable")
        .put("customer_id", customer).put("total", "19.00")).targetId().orElseThrow();
    ObjectNode payment = Json.object().put("kind", "received").put("amount", "19.00");
    payment.putArray("applied_to").add(Json.object().put("invoice_id", invoice)
        .put("amount", "19.00"));
    write(EntityType.PAYMENT, payment);
    ObjectNode journal = Json.object().put("date", "2026-11-22").put("memo", "accrual");
    journal.putArray("lines").add(Json.object().put("account", "4000").put("amount", "-19.00"))
        .add(Json.object().put("account", "1200").put("amount", "19.00"));
    write(EntityType.GL_ENTRY, journal);

    assertThat(c.find(EntityType.CUSTOMER, "external_id", "1200")).extracting(Entity::id)
        .containsExactly(customer);
    assertThat(c.find(EntityType.SALES_ORDER, "customer_id", customer)).extracting(Entity::id)
        .containsExactly(orderId);
    assertThat(c.find(EntityType.INVOICE, "kind", "payable")).isEmpty();
    assertThat(c.find(EntityType.ITEM, "sku", "SKU-1")).hasSize(1);
    assertThat(c.capabilities()).hasSize(11);
  }

  @Test
  void inventoryLevel_putBySkuAndLocation_idIsCompositeKey() {
    write(EntityType.ITEM, Json.object().put("sku", "SKU-1").put("name", "Hammer"));

    WriteResult first = write(EntityType.INVENTORY_LEVEL, Json.object().put("sku", "SKU-1")
        .put("location", "WH-1").put("on_hand", 12));
    WriteResult again = c.write(EntityType.INVENTORY_LEVEL, List.of(WriteRequest.upsert(
        first.targetId(), Json.object().put("on_hand", 7), "t:inv", "k-inv"))).get(0);

    assertThat(first.status()).isEqualTo(WriteResult.Status.CREATED);
    assertThat(first.targetId()).contains("sku=SKU-1,location=WH-1");
    assertThat(again.status()).isEqualTo(WriteResult.Status.UPDATED);
    Entity level = c.get(EntityType.INVENTORY_LEVEL, "sku=SKU-1,location=WH-1").orElseThrow();
    assertThat(level.field("on_hand").asInt()).isEqualTo(7);
    assertThat(c.find(EntityType.INVENTORY_LEVEL, "location", "WH-1")).hasSize(1);
    assertThat(bng.sim.calls("PUT", "/inventory/{sku}/{location}")).isEqualTo(2);
  }

  @Test
  void find_fieldBngCannotFilterOn_refused() {
    assertThatThrownBy(() -> c.find(EntityType.CUSTOMER, "email", "a@b.c"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void write_delete_failedResultNotSupported() {
    WriteResult r = c.write(EntityType.CUSTOMER, List.of(WriteRequest.delete("cus_1", "t:d",
        "k-d"))).get(0);

    assertThat(r.status()).isEqualTo(WriteResult.Status.FAILED);
    assertThat(r.error().orElseThrow().code()).isEqualTo("delete_not_supported");
  }

  @Test
  void get_unknownInventoryKey_empty() {
    assertThat(c.get(EntityType.INVENTORY_LEVEL, "not a key")).isEmpty();
    assertThat(c.get(EntityType.INVENTORY_LEVEL, "sku=NOPE,location=X")).isEmpty();
  }
}
