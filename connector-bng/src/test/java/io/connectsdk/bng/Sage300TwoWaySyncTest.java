package io.connectsdk.bng;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.Secret;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.ConflictPolicy;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.core.sync.TwoWaySync;
import io.connectsdk.sage300.Sage300Connector;
import io.connectsdk.simulators.sage300.Sage300Simulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Customers both ways between the Sage 300 and BNG simulators, Sage 300 owning credit limit and
 * terms. Someone edits the credit limit (and an unmapped e-mail) in BNG while Sage 300 changes
 * terms and credit limit: the next Sage 300 → BNG update meets a 412 (BNG's version moved), the
 * conflict policy retries it with the new version, Sage 300's values win, BNG keeps its own
 * e-mail; both sides converge and a further run writes nothing (no echo, no ping-pong).
 */
class Sage300TwoWaySyncTest {
  private static final Mapping SAGE_TO_BNG = s -> {
    ObjectNode o = Json.object();
    o.put("external_id", s.text("CustomerNumber").orElseThrow());
    o.put("company_name", s.text("CustomerName").orElse(""));
    o.put("credit_limit", s.field("CreditLimitCustomerCurrency").decimalValue().setScale(2)
        .toPlainString());
    o.put("payment_terms", s.text("Terms").orElse(""));
    return MappingResult.success(o);
  };
  private static final Mapping BNG_TO_SAGE = b -> {
    ObjectNode o = Json.object();
    o.put("CustomerNumber", b.text("external_id").orElseThrow());
    o.put("CustomerName", b.text("company_name").orElse(""));
    o.put("CreditLimitCustomerCurrency", new BigDecimal(b.text("credit_limit").orElse("0")));
    o.put("Terms", b.text("payment_terms").orElse(""));
    return MappingResult.success(o);
  };

  private final TestBng bng = TestBng.start();
  private final Sage300Simulator sage = Sage300Simulator.builder().clock(bng.clock).seed(7)
      .build().start();

  @AfterEach
  void stop() {
    sage.close();
    bng.close();
  }

  private void putSage(String number, String name, String limit, String terms) {
    sage.put("AR", "ARCustomers", Json.object().put("CustomerNumber", number)
        .put("ShortName", number).put("GroupCode", "RTL").put("TaxGroup", "CALIF")
        .put("CustomerName", name).put("CreditLimitCustomerCurrency", new BigDecimal(limit))
        .put("Terms", terms));
  }

  private ObjectNode sageRecord(String number) {
    return sage.record("AR", "ARCustomers", number).orElseThrow();
  }

  private ObjectNode bngRecord(String externalId) {
    return bng.sim.records("customers").stream()
        .filter(n -> n.path("external_id").asText().equals(externalId)).findFirst().orElseThrow();
  }

  @Test
  void runOnce_bothSidesEdited_412ResolvedByOwnersConvergeNoEchoNoPingPong() {
    putSage("1200", "Ronald Black", "5000.00", "NET30");
    putSage("1300", "Acme Supply", "1000.00", "NET15");
    try (Sage300Connector sage300 = Sage300Connector.builder()
            .baseUrl(HttpUrl.get(sage.baseUrl())).company("SAMINC").user("WEBAPI")
            .password(Secret.of("WEBAPI")).clock(bng.clock).sleeper(bng.clock).build();
        BngConnector connector = bng.connector().build();
        BngConnector someoneElse = bng.connector().build()) {
      TwoWaySync sync = TwoWaySync.builder("customers")
          .a(sage300, EntityType.CUSTOMER, ResiliencePolicy.none())
          .b(connector, EntityType.CUSTOMER, ResiliencePolicy.none())
          .aToB(SAGE_TO_BNG).bToA(BNG_TO_SAGE)
          .conflictPolicy(ConflictPolicy.systemOfRecord()
              .owns("sage300", "credit_limit", "payment_terms", "CreditLimitCustomerCurrency",
                  "Terms").build())
          .stores(Stores.inMemory(bng.clock)).clock(bng.clock).sleeper(bng.clock).build();

      List<SyncResult> first = sync.runOnce();
      assertThat(first.get(0).created()).isEqualTo(2);
      assertThat(first.get(1).created() + first.get(1).updated()).as("echo of run 1").isZero();

      // between runs: a BNG user edits 1200 (its version moves), Sage 300 changes it too
      bng.clock.advance(Duration.ofDays(1));
      String id = bngRecord("1200").path("id").asText();
      WriteResult edited = someoneElse.write(EntityType.CUSTOMER, List.of(WriteRequest.upsert(
          Optional.of(id), Json.object().put("credit_limit", "9999.00")
              .put("email", "ap@black.example"), "ui:1", "ui-edit-1"))).get(0);
      assertThat(edited.isSuccess()).isTrue();
      putSage("1200", "Ronald Black", "7500.00", "NET60");
      long patchesBefore = bng.sim.calls("PATCH", "/customers/{id}");

      List<SyncResult> second = sync.runOnce();

      assertThat(second.get(0).conflicts()).as("412s resolved in Sage 300 -> BNG").isEqualTo(1);
      assertThat(second.get(0).deadLettered() + second.get(1).deadLettered()).isZero();
      assertThat(bng.sim.calls("PATCH", "/customers/{id}") - patchesBefore)
          .as("the PATCH refused with 412 and its retry").isEqualTo(2);
      assertThat(second.get(1).created() + second.get(1).updated()).as("echo of run 2").isZero();
      ObjectNode inBng = bngRecord("1200");
      ObjectNode inSage = sageRecord("1200");
      assertThat(inBng.path("credit_limit").asText()).isEqualTo("7500.00");
      assertThat(inBng.path("payment_terms").asText()).isEqualTo("NET60");
      assertThat(inBng.path("email").asText()).isEqualTo("ap@black.example");
      assertThat(inBng.path("company_name").asText()).isEqualTo("Ronald Black");
      assertThat(inSage.path("CustomerName").asText()).isEqualTo("Ronald Black");
      assertThat(inSage.path("CreditLimitCustomerCurrency").decimalValue())
          .isEqualByComparingTo("7500.00");
      assertThat(inSage.path("Terms").asText()).isEqualTo("NET60");

      bng.clock.advance(Duration.ofDays(1));
      long bngWrites = bng.sim.calls("PATCH", "/customers/{id}")
          + bng.sim.calls("POST", "/customers");
      List<SyncResult> third = sync.runOnce();

      assertThat(third).allSatisfy(r -> assertThat(r.created() + r.updated()).isZero());
      assertThat(bng.sim.calls("PATCH", "/customers/{id}") + bng.sim.calls("POST", "/customers"))
          .as("no ping-pong").isEqualTo(bngWrites);
    }
  }
}
