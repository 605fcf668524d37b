package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.Json;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.ConflictPolicy;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.core.sync.TwoWaySync;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import io.connectsdk.testkit.RecordingListener;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customers synced both ways between an ERP (Sage 300, which owns credit limit and terms) and a
 * CRM: both sides converge, no write is an echo of our own write, and the conflict policy keeps
 * the ERP's credit limit when the CRM edits it.
 */
class TwoWaySyncScenarioTest {
  private FakeClock clock;
  private InMemoryConnector erp;
  private InMemoryConnector crm;
  private Stores stores;
  private TwoWaySync sync;
  private final RecordingListener events = new RecordingListener();

  /** ERP name / credit_limit / terms to CRM Name / CreditLimit / Terms. */
  private static Mapping erpToCrm() {
    return source -> {
      ObjectNode out = Json.object();
      out.set("Name", source.field("name"));
      copyIfPresent(source, "credit_limit", out, "CreditLimit");
      copyIfPresent(source, "terms", out, "Terms");
      return MappingResult.success(out);
    };
  }

  /** CRM back to the ERP, plus the phone the ERP does not send. */
  private static Mapping crmToErp() {
    return source -> {
      ObjectNode out = Json.object();
      out.set("name", source.field("Name"));
      copyIfPresent(source, "CreditLimit", out, "credit_limit");
      copyIfPresent(source, "Terms", out, "terms");
      copyIfPresent(source, "Phone", out, "phone");
      return MappingResult.success(out);
    };
  }

  private static void copyIfPresent(Entity source, String from, ObjectNode out, String to) {
    if (!source.field(from).isMissingNode()) {
      out.set(to, source.field(from));
    }
  }

  @BeforeEach
  void setUp() {
    clock = FakeClock.at("2026-11-22T10:00:00Z");
    // both sides support versions (if-match), which last-writer-wins needs instead of reads
    io.connectsdk.core.spi.Capabilities versioned = io.connectsdk.core.spi.Capabilities
        .readWrite(200).toBuilder().versions().build();
    erp = InMemoryConnector.builder().system("sage300").type(CUSTOMER, versioned).clock(clock)
        .build();
    crm = InMemoryConnector.builder().system("crm").type(CUSTOMER, versioned).clock(clock)
        .build();
    erp.put(erpCustomer("1200", "Acme", "5000.00", "NET30"));
    erp.put(erpCustomer("1300", "Initech", "2500", "NET60"));
    erp.put(erpCustomer("1400", "Umbrella", "100.5", "COD"));
    crm.put(Entity.builder(CUSTOMER, "lead_1").field("Name", "Globex")
        .field("Phone", "555-0100").build());
    crm.put(Entity.builder(CUSTOMER, "lead_2").field("Name", "Hooli").build());
    stores = Stores.inMemory(clock);
    sync = TwoWaySync.builder("customers")
        .a(erp, CUSTOMER, ResiliencePolicy.none())
        .b(crm, CUSTOMER, ResiliencePolicy.none())
        .aToB(erpToCrm()).bToA(crmToErp())
        .conflictPolicy(ConflictPolicy.systemOfRecord()
            .owns("sage300", "credit_limit", "terms", "CreditLimit", "Terms").build())
        .stores(stores).clock(clock).sleeper(clock).listener(events)
        .build();
  }

  private static Entity erpCustomer(String id, String name, String limit, String terms) {
    return Entity.builder(CUSTOMER, id).field("name", name)
        .field("credit_limit", new BigDecimal(limit)).field("terms", terms).build();
  }

  /** Runs both jobs once; returns the write calls both connectors received. */
  /**
   * One round of both jobs; returns the records written (created or updated) on both sides. A
   * write the target refused as a version conflict changed nothing there and is not counted.
   */
  private long round() {
    long before = written(erp) + written(crm);
    clock.advance(Duration.ofMinutes(1));
    List<SyncResult> results = sync.runOnce();
    assertThat(results).allSatisfy(r -> assertThat(r.deadLettered()).isZero());
    return written(erp) + written(crm) - before;
  }

  private static long written(InMemoryConnector c) {
    return c.stats().created() + c.stats().updated();
  }

  private Entity crmTwinOf(String erpId) {
    RecordRef ref = stores.keyMap().lookup(new RecordRef("sage300", CUSTOMER, erpId), "crm")
        .orElseThrow();
    return crm.record(CUSTOMER, ref.id()).orElseThrow();
  }

  private Entity erpTwinOf(String crmId) {
    RecordRef ref = stores.keyMap().lookup(new RecordRef("crm", CUSTOMER, crmId), "sage300")
        .orElseThrow();
    return erp.record(CUSTOMER, ref.id()).orElseThrow();
  }

  @Test
  void runOnce_bothSidesNew_convergeWithoutEchoWrites() {
    assertThat(round()).isEqualTo(5); // each of the five customers created once, on the other side

    assertThat(crm.count(CUSTOMER)).isEqualTo(5);
    assertThat(erp.count(CUSTOMER)).isEqualTo(5);
    assertThat(crmTwinOf("1200").text("Name")).contains("Acme");
    assertThat(crmTwinOf("1200").field("CreditLimit").decimalValue())
        .isEqualByComparingTo("5000");
    assertThat(erpTwinOf("lead_1").text("phone")).contains("555-0100");
    // the B-to-A job read the three customers A-to-B had just created and skipped them
    assertThat(events.events(RecordingListener.Kind.RECORD_SKIPPED))
        .extracting(RecordingListener.Event::name).containsExactly(
            "customers/b-to-a", "customers/b-to-a", "customers/b-to-a");

    for (int i = 0; i < 3; i++) {
      assertThat(round()).as("round %d after convergence", i + 2).isZero();
    }
    assertThat(erp.stats().created()).isEqualTo(2);
    assertThat(crm.stats().created()).isEqualTo(3);
    // no write was ever an echo: nothing was sent that the target already held
    assertThat(erp.stats().unchanged() + crm.stats().unchanged()).isZero();
    assertThat(erp.stats().updated() + crm.stats().updated()).isZero();
  }

  @Test
  void runOnce_crmEditsErpOwnedField_erpValueWinsAndSidesConverge() {
    round();
    round();
    Entity acmeInCrm = crmTwinOf("1200");
    // a CRM user renames Acme and raises its credit limit; an ERP user changes Initech's limit
    crm.put(acmeInCrm.toBuilder().field("Name", "Acme Corp")
        .field("CreditLimit", new BigDecimal("9999")).build());
    Entity initech = erp.record(CUSTOMER, "1300").orElseThrow();
    erp.put(initech.toBuilder().field("credit_limit", new BigDecimal("7000")).build());

    long writes = 0;
    int rounds = 0;
    long lastRound;
    do {
      lastRound = round();
      writes += lastRound;
      rounds++;
    } while (lastRound > 0 && rounds < 6);

    assertThat(lastRound).isZero();
    assertThat(rounds).isEqualTo(3);
    // ERP got the rename, not the credit limit; the CRM got the ERP's limit back
    Entity acme = erp.record(CUSTOMER, "1200").orElseThrow();
    assertThat(acme.text("name")).contains("Acme Corp");
    assertThat(acme.field("credit_limit").decimalValue()).isEqualByComparingTo("5000");
    assertThat(crmTwinOf("1200").text("Name")).contains("Acme Corp");
    assertThat(crmTwinOf("1200").field("CreditLimit").decimalValue())
        .isEqualByComparingTo("5000");
    assertThat(crmTwinOf("1300").field("CreditLimit").decimalValue())
        .isEqualByComparingTo("7000");
    // three writes: Initech's limit to the CRM, Acme's name to the ERP, the ERP's limit back
    assertThat(writes).isEqualTo(3);
    assertThat(erp.stats().unchanged() + crm.stats().unchanged()).isZero();
    assertThat(round()).isZero();
  }

  @Test
  void runOnce_lastWriterWins_laterEditWinsOnBothSides() {
    sync = TwoWaySync.builder("customers-lww")
        .a(erp, CUSTOMER, ResiliencePolicy.none())
        .b(crm, CUSTOMER, ResiliencePolicy.none())
        .aToB(erpToCrm()).bToA(crmToErp())
        .conflictPolicy(ConflictPolicy.lastWriterWins())
        .stores(stores).clock(clock).sleeper(clock)
        .build();
    round();
    assertThat(round()).isZero();
    // both sides edit Acme; the CRM edit comes a second later
    Entity acme = erp.record(CUSTOMER, "1200").orElseThrow();
    erp.put(acme.toBuilder().field("name", "Acme (ERP edit)").build());
    clock.advance(Duration.ofSeconds(1));
    crm.put(crmTwinOf("1200").toBuilder().field("Name", "Acme (CRM edit)").build());

    long writes = round();

    // A-to-B found the CRM record newer and skipped; B-to-A wrote the CRM edit to the ERP
    assertThat(writes).isEqualTo(1);
    assertThat(erp.record(CUSTOMER, "1200").orElseThrow().text("name"))
        .contains("Acme (CRM edit)");
    assertThat(crmTwinOf("1200").text("Name")).contains("Acme (CRM edit)");
    assertThat(round()).isZero();
    assertThat(round()).isZero();
  }
}
