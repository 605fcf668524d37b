package io.connectsdk.bng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.simulators.base.SimFault;
import io.connectsdk.testkit.InMemoryConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ERP customers into BNG through a SyncJob, under BNG's default limits and injected faults. */
class BngSyncTest {
  private final TestBng bng = TestBng.start();
  private final InMemoryConnector erp = InMemoryConnector.builder().system("erp")
      .type(EntityType.CUSTOMER, Capabilities.readWrite(100)).clock(bng.clock).build();
  private final Mapping mapping = Mapping.builder("erp-to-bng")
      .copy("number", "external_id").copy("name", "company_name").copy("email", "email").build();
  private final Stores stores = Stores.inMemory(bng.clock);

  @AfterEach
  void stop() {
    bng.close();
  }

  private static Entity customer(int i, String name) {
    return Entity.builder(EntityType.CUSTOMER, "C" + i).origin("erp")
        .field("number", "C" + i).field("name", name).field("email", "c" + i + "@example.com")
        .build();
  }

  private SyncJob job(BngConnector target) {
    return SyncJob.builder("erp-customers-to-bng").source(erp, EntityType.CUSTOMER)
        .mapping(mapping).target(target, EntityType.CUSTOMER).stores(stores).clock(bng.clock)
        .sleeper(bng.clock).build();
  }

  @Test
  void runOnce_fiveThousandCustomersUnderDefaultLimits_noneLostNoneDuplicatedFew429s() {
    List<Entity> source = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      source.add(customer(i, "Customer " + i));
    }
    erp.seed(source.toArray(Entity[]::new));

    SyncResult result;
    try (BngConnector target = bng.connector().build()) {
      result = job(target).runOnce();
    }

    List<ObjectNode> held = bng.sim.records("customers");
    Set<String> externalIds = held.stream().map(n -> n.get("external_id").asText())
        .collect(Collectors.toSet());
    assertThat(held).hasSize(5_000);
    assertThat(externalIds).hasSize(5_000);
    assertThat(result.created()).isEqualTo(5_000);
    assertThat(result.deadLettered()).isZero();
    long total = bng.sim.totalRequests();
    long limited = bng.sim.rateLimitedResponses();
    assertThat(limited).as("429s of %d requests", total).isLessThan(total / 100);
    assertThat(result.httpRequests()).isGreaterThanOrEqualTo(10_000);
    System.out.printf("BNG 5,000-customer sync at 10 rps burst 20: %d HTTP requests "
        + "(%.3f per record), %d answered 429, %d token requests, %s of simulated time%n",
        result.httpRequests(), result.httpRequests() / 5_000.0, limited, bng.sim.tokensIssued(),
        bng.clock.totalSlept());
  }

  @Test
  void runOnce_tenantSlowerThanConfigured_rateLimitHeadersKeep429sUnderOnePercent() {
    bng.sim.rateLimit(5, 10); // e.g. another client spends half the tenant's quota
    for (int i = 0; i < 500; i++) {
      erp.seed(customer(i, "Customer " + i));
    }

    SyncResult result;
    try (BngConnector target = bng.connector().build()) { // still paced at 10 rps burst 20
      result = job(target).runOnce();
    }

    assertThat(bng.sim.records("customers")).hasSize(500);
    assertThat(result.deadLettered()).isZero();
    assertThat(bng.sim.rateLimitedResponses()).as("429s of %d requests",
        bng.sim.totalRequests()).isLessThan(bng.sim.totalRequests() / 100);
    System.out.printf("BNG tenant at 5 rps burst 10, connector paced at 10/20: %d requests, "
        + "%d answered 429%n", bng.sim.totalRequests(), bng.sim.rateLimitedResponses());
  }

  @Test
  void runOnce_createResponseLost_oneRecord() {
    erp.seed(customer(1, "Acme"));
    bng.sim.faults().script(SimFault.pass(), SimFault.resetAfterApply()); // lookup, then POST

    SyncResult result;
    try (BngConnector target = bng.connector().build()) {
      result = job(target).runOnce();
    }

    assertThat(bng.sim.records("customers")).hasSize(1);
    assertThat(bng.sim.calls("POST", "/customers")).isEqualTo(2);
    assertThat(bng.sim.idempotentReplays()).isEqualTo(1);
    assertThat(result.created()).isEqualTo(1);
    assertThat(result.deadLettered()).isZero();
  }

  @Test
  void runOnce_createLostThenSourceChangedThenRerun_oneRecordWithNewContentNoDeadLetter() {
    erp.seed(customer(1, "Acme"));
    List<SimFault> faults = new ArrayList<>(List.of(SimFault.pass(), SimFault.resetAfterApply()));
    faults.addAll(Collections.nCopies(500, SimFault.error(503)));
    bng.sim.faults().script(faults);
    try (BngConnector target = bng.connector().build()) {
      SyncJob job = job(target);
      Throwable outage = catchThrowable(job::runOnce);
      assertThat(outage).isInstanceOf(ConnectorException.class);
      assertThat(bng.sim.records("customers")).hasSize(1); // applied, answer lost

      bng.sim.faults().clear();
      bng.clock.advance(Duration.ofMinutes(2)); // past the circuit breaker's open delay
      erp.seed(customer(1, "Acme Ltd"));
      SyncResult rerun = job.runOnce();

      assertThat(rerun.deadLettered()).isZero();
      assertThat(stores.deadLetters().list(job.id(), 0, 10)).isEmpty();
    }
    List<ObjectNode> held = bng.sim.records("customers");
    assertThat(held).hasSize(1);
    assertThat(held.get(0).get("company_name").asText()).isEqualTo("Acme Ltd");
    assertThat(bng.sim.calls("PATCH", "/customers/{id}")).isEqualTo(1);
  }

  @Test
  void runOnce_secondRunNothingChanged_writesNothing() {
    erp.seed(customer(1, "Acme"), customer(2, "Beta"));
    try (BngConnector target = bng.connector().build()) {
      SyncJob job = job(target);
      job.runOnce();
      long posts = bng.sim.calls("POST", "/customers");

      SyncResult again = job.runOnce();

      assertThat(again.created() + again.updated()).isZero();
      assertThat(bng.sim.calls("POST", "/customers")).isEqualTo(posts);
    }
  }
}
