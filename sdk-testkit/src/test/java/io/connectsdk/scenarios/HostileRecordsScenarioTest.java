package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Json;
import io.connectsdk.core.mapping.CompiledMapping;
import io.connectsdk.core.mapping.MappingFunctions;
import io.connectsdk.core.mapping.MappingLoader;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile records through a whole {@code SyncJob} with the example customer mapping: the job never
 * fails, every record the mapping refuses ends in the dead-letter queue with its reason and field
 * paths, every other record is written, and a rerun writes nothing again. Among them the review's
 * {@code external_id: 1e-999999999}, which used to stop every run with OutOfMemoryError.
 */
class HostileRecordsScenarioTest {
  private static final String JOB = "hostile-customers";
  private static final JsonNodeFactory N = Json.nodes();
  private static final String MAPPING = """
      {"name": "customer-bng-to-sage300",
       "tables": {"terms": {"net30": "30", "net60": "60", "due_on_receipt": "COD"}},
       "rules": [
         {"copy": "external_id", "to": "CustomerNumber", "trim": true, "case": "upper"},
         {"copy": "last_name", "to": "ShortName", "trim": true, "case": "upper", "truncate": 10},
         {"join": ["first_name", "last_name"], "separator": " ", "to": "CustomerName"},
         {"copy": "company_name", "to": "CustomerName", "trim": true,
          "when": {"field": "company_name", "present": true}},
         {"valueMap": {"active": "Active", "inactive": "Inactive"}, "from": "status",
          "to": "Status"},
         {"function": "digitsOnly", "from": "phone", "to": "PhoneNumber"},
         {"copy": "email", "to": "Email", "trim": true, "case": "lower"},
         {"copy": "metadata", "to": "Metadata"},
         {"lookup": "terms", "from": "payment_terms", "to": "Terms", "default": "net30"},
         {"decimal": 2, "from": "credit_limit", "to": "CreditLimit", "default": "0"}],
       "validate": [
         {"field": "CustomerNumber", "required": true, "maxLength": 12, "pattern": "[A-Z0-9-]+"},
         {"field": "ShortName", "required": true, "maxLength": 10},
         {"field": "CustomerName", "required": true, "maxLength": 60},
         {"field": "CreditLimit", "min": "0", "max": "9999999999999.99"}]}
      """;
  private static final List<Supplier<JsonNode>> HOSTILE = List.of(
      () -> N.numberNode(new BigDecimal("1e-999999999")),
      () -> N.numberNode(new BigDecimal("1e+999999999")), () -> N.numberNode(Double.NaN),
      () -> N.textNode("Acme\uD800"), () -> N.textNode("nul\u0000"), () -> N.textNode("١٢٣"),
      () -> N.textNode("１２３"), () -> N.booleanNode(true), () -> N.numberNode(12345),
      () -> N.objectNode(), () -> N.arrayNode().add(1), () -> N.textNode("x".repeat(10_000)),
      () -> deep(300), () -> deep(50), () -> N.textNode("unknown_code"), () -> N.nullNode(),
      () -> N.textNode("  ok-1  "), () -> N.textNode("😀"));
  private static final String[] FIELDS = {"external_id", "last_name", "first_name",
    "company_name", "status", "phone", "email", "metadata", "payment_terms", "credit_limit"};

  @Test
  void runOnce_hostileRecords_badOnesDeadLetteredWithReasonGoodOnesWrittenJobNeverFails() {
    FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    InMemoryConnector sage = InMemoryConnector.builder().system("sage300").type(CUSTOMER)
        .clock(clock).build();
    CompiledMapping mapping = MappingLoader.builder().functions(MappingFunctions.builder()
        .register("digitsOnly", in -> {
          if (!in.isTextual()) {
            throw new IllegalArgumentException("expected a phone number text");
          }
          return N.textNode(in.textValue().replaceAll("[^0-9+]", ""));
        }).build()).build().load(MAPPING);
    Random random = new Random(20261206L);
    Map<String, MappingResult> expected = new HashMap<>();
    List<Entity> records = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ObjectNode fields = valid(i);
      for (int d = i < 20 ? 0 : 1 + random.nextInt(2); d > 0; d--) {
        fields.set(FIELDS[random.nextInt(FIELDS.length)],
            HOSTILE.get(random.nextInt(HOSTILE.size())).get());
      }
      if (i == 20) { // the review's case, alone in its record
        fields = valid(i);
        fields.set("external_id", N.numberNode(new BigDecimal("1e-999999999")));
      }
      Entity record = Entity.builder(CUSTOMER, "cus_" + i).fields(fields).build();
      records.add(bng.put(record));
      expected.put("cus_" + i, mapping.apply(record));
    }
    Stores stores = Stores.inMemory(clock);
    SyncJob job = SyncJob.builder(JOB).source(bng, CUSTOMER).mapping(mapping)
        .target(sage, CUSTOMER).stores(stores).clock(clock).sleeper(clock).pageSize(25).build();

    SyncResult first = job.runOnce();
    SyncResult second = job.runOnce();

    long good = expected.values().stream().filter(MappingResult::isSuccess).count();
    long bad = expected.size() - good;
    assertThat(good).isGreaterThan(20);
    assertThat(bad).isGreaterThan(100);
    assertThat(first.read()).isEqualTo(300);
    assertThat(first.created()).isEqualTo(good);
    assertThat(first.deadLettered()).isEqualTo(bad);
    assertThat(sage.count(CUSTOMER)).isEqualTo((int) good);
    assertThat(second.created() + second.updated()).isZero();
    List<DeadLetter> letters = stores.deadLetters().list(JOB, 0, 1_000);
    assertThat(letters).hasSize((int) bad);
    for (DeadLetter letter : letters) {
      MappingResult r = expected.get(letter.source().id());
      assertThat(r.isSuccess()).as(letter.source().id()).isFalse();
      assertThat(letter.error().kind()).isEqualTo(ErrorKind.PERMANENT);
      assertThat(letter.error().code()).isEqualTo("MappingFailed");
      assertThat(letter.error().fieldPath()).isEqualTo(r.errors().stream()
          .map(e -> e.path()).distinct().reduce((a, b) -> a + "," + b).orElseThrow());
      assertThat(letter.error().message()).contains(r.errors().get(0).message());
    }
    DeadLetter tiny = letters.stream().filter(l -> l.source().id().equals("cus_20")).findFirst()
        .orElseThrow();
    assertThat(tiny.error().fieldPath()).startsWith("external_id");
    assertThat(tiny.error().message()).contains("out of bounds");
  }

  private static ObjectNode valid(int i) {
    ObjectNode c = Json.object();
    c.put("external_id", " c" + (1000 + i) + " ").put("first_name", "Ann")
        .put("last_name", "Lee-" + i).put("status", "active").put("phone", "+1 416 555 0100")
        .put("email", " Ann@Example.com").put("payment_terms", "net60")
        .put("credit_limit", "5000.00");
    c.putObject("metadata").put("segment", "retail");
    return c;
  }

  private static ObjectNode deep(int levels) {
    ObjectNode root = N.objectNode();
    ObjectNode n = root;
    for (int i = 0; i < levels; i++) {
      n = n.putObject("x");
    }
    return root;
  }
}
