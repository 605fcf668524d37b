package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.CompositeKey;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.Secret;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.spi.WriteResult.Status;
import io.connectsdk.simulators.sage300.Sage300Fault;
import io.connectsdk.simulators.sage300.Sage300Simulator;
import io.connectsdk.testkit.FakeClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End-to-end behaviour against the Sage 300 simulator. */
class Sage300SimulatorTest {
  private final FakeClock clock = TestConnectors.clock();
  private Sage300Simulator sim;
  private Sage300Connector connector;

  @BeforeEach
  void start() {
    sim = Sage300Simulator.builder().pageSize(3).clock(clock).build().start();
    connector = Sage300Connector.builder().baseUrl(HttpUrl.get(sim.baseUrl())).company("SAMINC")
        .user("WEBAPI").password(Secret.of("WEBAPI")).pageSize(10).sleeper(clock).clock(clock)
        .build();
  }

  @AfterEach
  void stop() {
    connector.close();
    sim.close();
  }

  private void seedCustomer(String number) {
    sim.put("AR", "ARCustomers", Json.object().put("CustomerNumber", number)
        .put("ShortName", number).put("GroupCode", "RTL").put("TaxGroup", "CALIF"));
  }

  private void seedOrderMasters() {
    seedCustomer("1200");
    sim.put("IC", "ICItems", Json.object().put("ItemNumber", "A1").put("Description", "Desk"));
  }

  private static ObjectNode order() {
    ObjectNode o = Json.object().put("CustomerNumber", "1200").put("OrderDate", "2026-11-20");
    o.putArray("OrderDetails").addObject().put("LineType", "Item").put("Item", "A1")
        .put("Location", "1").put("QuantityOrdered", new BigDecimal("2"));
    return o;
  }

  private WriteResult writeOrder() {
    return connector.write(EntityType.SALES_ORDER, List.of(WriteRequest.upsert(Optional.empty(),
        order(), "bng:sales_order:A-1", "k1"))).get(0);
  }

  @Test
  void write_orderRepeatedAfterLostResponse_leavesExactlyOneOrder() {
    seedOrderMasters();
    sim.script(Sage300Fault.pass(), Sage300Fault.resetAfterApply()); // lookup, then POST lost
    WriteResult first = writeOrder();
    assertThat(sim.count("OE", "OEOrders")).isEqualTo(1);
    assertThat(first.status()).isEqualTo(Status.CREATED); // the server saw one create
    WriteResult again = writeOrder(); // the caller never saw the first answer and tries again
    assertThat(again.status()).isEqualTo(Status.UNCHANGED);
    assertThat(again.targetId()).isEqualTo(first.targetId());
    assertThat(sim.count("OE", "OEOrders")).isEqualTo(1);
    assertThat(sim.calls("POST", "OE", "OEOrders")).isEqualTo(1);
    ObjectNode stored = sim.records("OE", "OEOrders").get(0);
    assertThat(stored.path("OrderReference").asText()).isEqualTo("bng:sales_order:A-1");
    assertThat(first.record()).get().satisfies(e ->
        assertThat(e.text("OrderNumber")).isPresent());
  }

  @Test
  void write_newOrder_createdWithSystemNumbersForWriteBack() {
    seedOrderMasters();
    WriteResult r = writeOrder();
    assertThat(r.status()).as("%s", r.error()).isEqualTo(Status.CREATED);
    Entity record = r.record().orElseThrow();
    assertThat(r.targetId()).contains(record.text("OrderUniquifier").orElseThrow());
    assertThat(record.text("OrderNumber")).isPresent();
    assertThat(connector.get(EntityType.SALES_ORDER, r.targetId().get())).isPresent();
  }

  @Test
  void readChanges_serverPagesSmallerThanPageSize_followsNextLinkEveryRecordOnce() {
    for (int i = 0; i < 25; i++) {
      seedCustomer(String.format("C%03d", i));
    }
    List<String> ids = new ArrayList<>();
    Cursor cursor = Cursor.BEGINNING;
    Page page;
    do {
      page = connector.readChanges(EntityType.CUSTOMER, cursor, 4);
      page.entities().forEach(e -> ids.add(e.id()));
      cursor = page.next();
    } while (page.hasMore());
    assertThat(ids).hasSize(25).doesNotHaveDuplicates();
    assertThat(connector.readChanges(EntityType.CUSTOMER, cursor, 4).entities()).isEmpty();
  }

  @Test
  void calls_manyThreads_neverMoreThanTwoRequestsInFlight() throws Exception {
    for (int i = 0; i < 10; i++) {
      seedCustomer("P" + i);
    }
    sim.latency(java.time.Duration.ofMillis(20));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<Entity>>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String id = "P" + (i % 10);
        results.add(pool.submit(() -> connector.get(EntityType.CUSTOMER, id)));
      }
      for (Future<Optional<Entity>> f : results) {
        assertThat(f.get()).isPresent();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sim.calls("GET", "AR", "ARCustomers")).isEqualTo(40);
    assertThat(sim.maxConcurrency()).isBetween(1, 2);
  }

  @Test
  void write_item_usesUnformattedItemNumberAsNaturalKey() {
    ObjectNode item = Json.object().put("UnformattedItemNumber", "A1103").put("Description", "Desk");
    WriteResult created = connector.write(EntityType.ITEM, List.of(
        WriteRequest.upsert(Optional.empty(), item, "bng:item:1", "k"))).get(0);
    assertThat(created.status()).isEqualTo(Status.CREATED);
    WriteResult updated = connector.write(EntityType.ITEM, List.of(WriteRequest.upsert(
        Optional.empty(), item.deepCopy().put("Description", "Desk v2"), "bng:item:1", "k2")))
        .get(0);
    assertThat(updated.status()).isEqualTo(Status.UPDATED);
    assertThat(sim.count("IC", "ICItems")).isEqualTo(1);
  }

  @Test
  void get_stockByLocation_compositeKey() {
    sim.put("IC", "ICLocationDetails", Json.object().put("ItemNumber", "A/1 x").put("Location", "1")
        .put("QuantityOnHand", new BigDecimal("12.5")));
    String id = CompositeKey.of("ItemNumber", "A/1 x", "Location", "1").encode();
    Entity e = connector.get(EntityType.INVENTORY_LEVEL, id).orElseThrow();
    assertThat(e.id()).isEqualTo(id);
    assertThat(e.field("QuantityOnHand").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(connector.readChanges(EntityType.INVENTORY_LEVEL, Cursor.BEGINNING, 10).entities())
        .extracting(Entity::id).containsExactly(id);
  }

  @Test
  void write_receiptBatchTwice_oneBatchWithCompositeId() {
    ObjectNode batch = Json.object().put("BatchRecordType", "CA").put("BatchDate", "2026-11-20");
    WriteRequest request = WriteRequest.upsert(Optional.empty(), batch, "bng:payment:P-9", "k");
    WriteResult first = connector.write(EntityType.PAYMENT, List.of(request)).get(0);
    WriteResult again = connector.write(EntityType.PAYMENT, List.of(request)).get(0);
    assertThat(first.status()).as("%s", first.error()).isEqualTo(Status.CREATED);
    assertThat(again.status()).isEqualTo(Status.UNCHANGED);
    assertThat(again.targetId()).isEqualTo(first.targetId());
    CompositeKey id = CompositeKey.parse(first.targetId().orElseThrow());
    assertThat(id.get("BatchRecordType")).isEqualTo("CA");
    assertThat(sim.count("AR", "ARReceiptAndAdjustmentBatches")).isEqualTo(1);
    assertThat(connector.get(EntityType.PAYMENT, id.encode())).get()
        .satisfies(e -> assertThat(e.text("Description")).contains("bng:payment:P-9"));
  }
}
