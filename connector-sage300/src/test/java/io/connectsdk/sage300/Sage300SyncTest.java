package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.Secret;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.simulators.sage300.Sage300Simulator;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import java.math.BigDecimal;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * A customer sync into the simulator with 20% injected faults (errors, rate limits, connections
 * dropped before and after applying): every record written, none twice, a second run writes
 * nothing. 250 customers by default (each simulator answer takes about 45 ms on loopback); the
 * full acceptance run is {@code -Dsage300.sync.customers=2000} (about 4 minutes).
 */
class Sage300SyncTest {
  private static final int CUSTOMERS = Integer.getInteger("sage300.sync.customers", 250);

  private static final Mapping TO_SAGE = source -> {
    ObjectNode out = Json.object();
    out.put("CustomerNumber", source.text("number").orElseThrow());
    out.put("ShortName", source.text("short").orElseThrow());
    out.put("GroupCode", "RTL");
    out.put("TaxGroup", "CALIF");
    out.put("CustomerName", source.text("name").orElseThrow());
    out.set("CreditLimitCustomerCurrency", source.field("limit"));
    return MappingResult.success(out);
  };

  @Test
  void runOnce_customersWithTwentyPercentFaults_allWrittenOnceNoDuplicates() {
    FakeClock clock = TestConnectors.clock();
    InMemoryConnector source = InMemoryConnector.builder().system("bng")
        .type(EntityType.CUSTOMER).clock(clock).build();
    for (int i = 0; i < CUSTOMERS; i++) {
      source.put(Entity.builder(EntityType.CUSTOMER, "B" + i).origin("bng")
          .field("number", String.format("S%05d", i)).field("short", "Cust" + i)
          .field("name", "Customer number " + i)
          .field("limit", new BigDecimal(i).movePointLeft(2).add(new BigDecimal("100.00")))
          .build());
    }
    try (Sage300Simulator sim = Sage300Simulator.builder().clock(clock).seed(7).build().start();
        Sage300Connector sage = Sage300Connector.builder().baseUrl(HttpUrl.get(sim.baseUrl()))
            .company("SAMINC").user("WEBAPI").password(Secret.of("WEBAPI")).maxBatchSize(20)
            .resiliencePolicy(ResiliencePolicy.builder().system("sage300").maxAttempts(5)
                .noCircuitBreaker().sleeper(clock).clock(clock)
                .maxDuration(Duration.ofDays(1)).build())
            .build()) {
      sim.errorRate(500, 0.06).errorRate(503, 0.04).tooManyRequestsRate(0.04).resetRate(0.03)
          .resetAfterApplyRate(0.03);
      SyncJob job = SyncJob.builder("bng-customers-to-sage300")
          .source(source, EntityType.CUSTOMER).mapping(TO_SAGE)
          .target(sage, EntityType.CUSTOMER).stores(Stores.inMemory(clock))
          .clock(clock).sleeper(clock).pageSize(200).build();

      SyncResult result = job.runOnce();

      assertThat(result.read()).isEqualTo(CUSTOMERS);
      assertThat(result.deadLettered()).isZero();
      assertThat(result.created() + result.updated()).isEqualTo(CUSTOMERS);
      assertThat(sim.count("AR", "ARCustomers")).isEqualTo(CUSTOMERS);
      for (int i = 0; i < CUSTOMERS; i += 97) {
        ObjectNode stored = sim.record("AR", "ARCustomers", String.format("S%05d", i)).orElseThrow();
        assertThat(stored.path("CustomerName").asText()).isEqualTo("Customer number " + i);
        assertThat(stored.path("CreditLimitCustomerCurrency").decimalValue()).isEqualByComparingTo(
            new BigDecimal(i).movePointLeft(2).add(new BigDecimal("100.00")));
      }
      sim.clearFaults();
      sim.resetCounters();
      SyncResult again = job.runOnce();
      assertThat(again.created() + again.updated()).isZero();
      assertThat(sim.calls("POST", "AR", "ARCustomers")).isZero();
      assertThat(sim.count("AR", "ARCustomers")).isEqualTo(CUSTOMERS);
    }
  }
}
