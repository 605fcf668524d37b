package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.Secret;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.store.InMemoryKeyMap;
import io.connectsdk.core.store.KeyMap;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.simulators.sage300.Sage300Simulator;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * The process dies after Sage 300 created an order but before the key map recorded it. Sage 300
 * numbers orders itself, so only the source reference stored in {@code OrderReference} lets the
 * re-run find the first order instead of creating a second one.
 */
class Sage300OrderCrashTest {
  private static final RecordRef SOURCE = new RecordRef("bng", EntityType.SALES_ORDER, "ord_1");

  private static final Mapping TO_SAGE = source -> {
    ObjectNode o = Json.object().put("CustomerNumber", "1200")
        .put("OrderDate", source.text("order_date").orElseThrow())
        .put("PurchaseOrderNumber", source.text("order_number").orElseThrow());
    o.putArray("OrderDetails").addObject().put("LineType", "Item").put("Item", "A1")
        .put("Location", "1").set("QuantityOrdered", source.field("quantity"));
    return MappingResult.success(o);
  };

  @Test
  void runOnce_crashBetweenOrderCreateAndKeyMapSave_rerunLeavesExactlyOneOrder() {
    FakeClock clock = TestConnectors.clock();
    InMemoryConnector bng = InMemoryConnector.builder().system("bng")
        .type(EntityType.SALES_ORDER).clock(clock).build();
    bng.put(Entity.builder(EntityType.SALES_ORDER, "ord_1").field("order_number", "W-1001")
        .field("order_date", "2026-11-20").field("quantity", new BigDecimal("2")).build());
    CrashOnFirstLink keyMap = new CrashOnFirstLink();
    Stores stores = Stores.builder().clock(clock).keyMap(keyMap).build();

    try (Sage300Simulator sim = Sage300Simulator.builder().clock(clock).build().start()) {
      sim.put("AR", "ARCustomers", Json.object().put("CustomerNumber", "1200")
          .put("ShortName", "ACME").put("GroupCode", "RTL").put("TaxGroup", "CALIF"));
      sim.put("IC", "ICItems", Json.object().put("ItemNumber", "A1").put("Description", "Desk"));

      try (Sage300Connector sage = connector(sim, clock)) {
        assertThatThrownBy(() -> job(bng, sage, stores, clock).runOnce())
            .hasMessage("process killed");
      }
      assertThat(sim.count("OE", "OEOrders")).isEqualTo(1);
      assertThat(keyMap.lookup(SOURCE, "sage300")).isEmpty();

      SyncResult rerun;
      try (Sage300Connector sage = connector(sim, clock)) {
        rerun = job(bng, sage, stores, clock).runOnce();
      }

      assertThat(sim.count("OE", "OEOrders")).isEqualTo(1);
      assertThat(sim.calls("POST", "OE", "OEOrders")).isEqualTo(1);
      assertThat(rerun.deadLettered()).isZero();
      String uniquifier = sim.records("OE", "OEOrders").get(0).path("OrderUniquifier").asText();
      assertThat(keyMap.lookup(SOURCE, "sage300"))
          .contains(new RecordRef("sage300", EntityType.SALES_ORDER, uniquifier));
    }
  }

  private static Sage300Connector connector(Sage300Simulator sim, FakeClock clock) {
    return Sage300Connector.builder().baseUrl(HttpUrl.get(sim.baseUrl())).company("SAMINC")
        .user("WEBAPI").password(Secret.of("WEBAPI")).sleeper(clock).clock(clock).build();
  }

  private static SyncJob job(InMemoryConnector bng, Sage300Connector sage, Stores stores,
      FakeClock clock) {
    return SyncJob.builder("bng-orders-to-sage300").source(bng, EntityType.SALES_ORDER)
        .mapping(TO_SAGE).target(sage, EntityType.SALES_ORDER).stores(stores).clock(clock)
        .sleeper(clock).build();
  }

  /** A key map whose first save dies the way a killed process would. */
  private static final class CrashOnFirstLink implements KeyMap {
    private final KeyMap delegate = new InMemoryKeyMap();
    private final AtomicBoolean crashed = new AtomicBoolean();

    @Override
    public void link(RecordRef a, RecordRef b) {
      if (crashed.compareAndSet(false, true)) {
        throw new IllegalStateException("process killed");
      }
      delegate.link(a, b);
    }

    @Override
    public Optional<RecordRef> lookup(RecordRef from, String targetSystem) {
      return delegate.lookup(from, targetSystem);
    }

    @Override
    public void unlink(RecordRef ref) {
      delegate.unlink(ref);
    }
  }
}
