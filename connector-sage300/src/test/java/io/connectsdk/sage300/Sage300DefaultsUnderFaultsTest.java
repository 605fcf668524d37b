package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.Secret;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.spi.ConnectorListener;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.simulators.sage300.Sage300Simulator;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * The connector's DEFAULT settings (no test-only policy) against a flaky ERP: 15% HTTP 500, 5%
 * TooManyRequests, 5% connection resets (before and after the server applied the request). A
 * sync completes in one run or in reruns that each make progress; every record arrives exactly
 * once; the job's counts equal what the server holds.
 */
class Sage300DefaultsUnderFaultsTest {
  private static final int CUSTOMERS = Integer.getInteger("sage300.faults.customers", 2000);
  private static final int MAX_RUNS = 6;

  private static final Mapping CUSTOMER_TO_SAGE = source -> MappingResult.success(Json.object()
      .put("CustomerNumber", source.text("number").orElseThrow())
      .put("ShortName", source.text("short").orElseThrow())
      .put("GroupCode", "RTL").put("TaxGroup", "CALIF"));

  private static final Mapping ORDER_TO_SAGE = source -> {
    ObjectNode o = Json.object().put("CustomerNumber", "1200").put("OrderDate", "2026-11-20")
        .put("OrderDescription", source.text("description").orElseThrow());
    o.putArray("OrderDetails").addObject().put("LineType", "Item").put("Item", "A1")
        .put("Location", "1").put("QuantityOrdered", new BigDecimal("2"));
    return MappingResult.success(o);
  };

  private static Sage300Connector connector(Sage300Simulator sim, FakeClock clock) {
    return Sage300Connector.builder().baseUrl(HttpUrl.get(sim.baseUrl())).company("SAMINC")
        .user("WEBAPI").password(Secret.of("WEBAPI")).sleeper(clock).clock(clock).build();
  }

  /** Runs until a run ends cleanly; each failed run must have made progress. */
  private static List<SyncResult> runUntilDone(SyncJob job, java.util.function.IntSupplier stored) {
    List<SyncResult> results = new ArrayList<>();
    for (int run = 1; run <= MAX_RUNS; run++) {
      int before = stored.getAsInt();
      try {
        results.add(job.runOnce());
        return results;
      } catch (ConnectorException e) {
        assertThat(stored.getAsInt()).as("run %d made progress (%s)", run, e.getMessage())
            .isGreaterThan(before);
      }
    }
    throw new AssertionError("not done after " + MAX_RUNS + " runs");
  }

  @Test
  void runOnce_customersUnderFaultsWithDefaults_allArriveOnceAndCountsMatchServer() {
    FakeClock clock = TestConnectors.clock();
    InMemoryConnector source = InMemoryConnector.builder().system("bng")
        .type(EntityType.CUSTOMER).clock(clock).build();
    for (int i = 0; i < CUSTOMERS; i++) {
      source.put(Entity.builder(EntityType.CUSTOMER, "B" + i).origin("bng")
          .field("number", String.format("S%05d", i)).field("short", "Cust" + i).build());
    }
    AtomicInteger opened = new AtomicInteger();
    try (Sage300Simulator sim = Sage300Simulator.builder().clock(clock).seed(11).build().start();
        Sage300Connector sage = connector(sim, clock)) {
      sage.addListener(new ConnectorListener() {
        @Override
        public void circuitOpened(String system, Throwable lastFailure) {
          opened.incrementAndGet();
        }
      });
      sim.errorRate(500, 0.15).tooManyRequestsRate(0.05).resetRate(0.025)
          .resetAfterApplyRate(0.025);
      SyncJob job = SyncJob.builder("bng-customers-to-sage300")
          .source(source, EntityType.CUSTOMER).mapping(CUSTOMER_TO_SAGE)
          .target(sage, EntityType.CUSTOMER).stores(Stores.inMemory(clock))
          .clock(clock).sleeper(clock).build();

      List<SyncResult> runs = runUntilDone(job, () -> sim.count("AR", "ARCustomers"));

      long created = runs.stream().mapToLong(SyncResult::created).sum();
      long updated = runs.stream().mapToLong(SyncResult::updated).sum();
      assertThat(sim.count("AR", "ARCustomers")).isEqualTo(CUSTOMERS);
      SyncResult last = runs.get(runs.size() - 1);
      assertThat(last.deadLettered()).isZero();
      // one run: every customer created once, none reported as an update of itself
      if (runs.size() == 1) {
        assertThat(created).isEqualTo(CUSTOMERS);
        assertThat(updated).isZero();
      }
      assertThat(sim.maxConcurrency()).isBetween(1, 2);
      assertThat(opened).hasValue(0);
      assertThat(sage.requestsSent()).isGreaterThanOrEqualTo(CUSTOMERS);

      sim.clearFaults();
      sim.resetCounters();
      SyncResult again = job.runOnce();
      assertThat(again.created() + again.updated()).isZero();
      assertThat(sim.totalRequests()).isZero();
    }
  }

  @Test
  void runOnce_ordersWithThirtyPercentLostCreateAnswers_eachOrderOnce() {
    FakeClock clock = TestConnectors.clock();
    InMemoryConnector source = InMemoryConnector.builder().system("bng")
        .type(EntityType.SALES_ORDER).clock(clock).build();
    for (int i = 0; i < 50; i++) {
      source.put(Entity.builder(EntityType.SALES_ORDER, "O" + i).origin("bng")
          .field("description", "order " + i).build());
    }
    try (Sage300Simulator sim = Sage300Simulator.builder().clock(clock).seed(5).build().start();
        Sage300Connector sage = connector(sim, clock)) {
      sim.put("AR", "ARCustomers", Json.object().put("CustomerNumber", "1200")
          .put("ShortName", "Black").put("GroupCode", "RTL").put("TaxGroup", "CALIF"));
      sim.put("IC", "ICItems", Json.object().put("ItemNumber", "A1").put("Description", "Desk"));
      sim.resetAfterApplyRate(0.30);
      SyncJob job = SyncJob.builder("bng-orders-to-sage300")
          .source(source, EntityType.SALES_ORDER).mapping(ORDER_TO_SAGE)
          .target(sage, EntityType.SALES_ORDER).stores(Stores.inMemory(clock))
          .clock(clock).sleeper(clock).build();

      List<SyncResult> runs = runUntilDone(job, () -> sim.count("OE", "OEOrders"));

      assertThat(sim.count("OE", "OEOrders")).isEqualTo(50);
      assertThat(sim.records("OE", "OEOrders")).extracting(o -> o.path("OrderReference").asText())
          .doesNotHaveDuplicates();
      assertThat(runs.get(runs.size() - 1).deadLettered()).isZero();
      if (runs.size() == 1) {
        assertThat(runs.get(0).created()).isEqualTo(50);
      }
    }
  }
}
