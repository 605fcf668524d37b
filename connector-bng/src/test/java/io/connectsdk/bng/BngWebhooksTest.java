package io.connectsdk.bng;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.Secret;
import io.connectsdk.core.event.WebhookOutcome;
import io.connectsdk.core.event.WebhookResponse;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.testkit.ConnectorOperation;
import io.connectsdk.testkit.InMemoryConnector;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BNG's webhooks through the JDK-hosted endpoint into a job that copies customers to an ERP. */
class BngWebhooksTest {
  private static final String SECRET = "whsec_current";

  private final TestBng bng = TestBng.start();
  private final InMemoryConnector erp = InMemoryConnector.builder().system("erp")
      .type(EntityType.CUSTOMER, Capabilities.readWrite(100)).clock(bng.clock).build();
  private final ManualQueue queue = new ManualQueue(2);
  private BngConnector source;
  private BngWebhooks hooks;
  private BngWebhookServer server;

  @BeforeEach
  void start() throws Exception {
    source = bng.connector().build();
    SyncJob job = SyncJob.builder("bng-customers-to-erp").source(source, EntityType.CUSTOMER)
        .mapping(Mapping.builder("bng-to-erp").copy("external_id", "number")
            .copy("company_name", "name").build())
        .target(erp, EntityType.CUSTOMER).stores(Stores.inMemory(bng.clock)).clock(bng.clock)
        .sleeper(bng.clock).build();
    hooks = source.webhooks().secrets(Secret.of(SECRET), Secret.of("whsec_old"))
        .job(EntityType.CUSTOMER, job).executor(queue).build();
    server = BngWebhookServer.start(hooks, new InetSocketAddress("127.0.0.1", 0), "/bng/events");
    bng.sim.subscribe(server.url().toString(), SECRET, "whsec_old");
  }

  @AfterEach
  void stop() {
    server.close();
    hooks.close();
    source.close();
    bng.close();
  }

  private String createCustomer(String externalId, String name) {
    WriteResult r = source.write(EntityType.CUSTOMER, List.of(WriteRequest.upsert(Optional.empty(),
        Json.object().put("external_id", externalId).put("company_name", name), "t:" + externalId,
        "key-" + externalId + name))).get(0);
    assertThat(r.isSuccess()).as("%s", r).isTrue();
    return r.targetId().orElseThrow();
  }

  private void rename(String id, String name) {
    WriteResult r = source.write(EntityType.CUSTOMER, List.of(WriteRequest.upsert(Optional.of(id),
        Json.object().put("company_name", name), "t:" + id, "key-" + id + name))).get(0);
    assertThat(r.isSuccess()).as("%s", r).isTrue();
  }

  private long writesTo(String number) {
    return erp.changeLog().stream().filter(e -> erp.record(EntityType.CUSTOMER, e.id())
        .flatMap(c -> c.text("number")).filter(number::equals).isPresent()).count();
  }

  @Test
  void event_deliveredThreeTimes_appliedOnce() {
    createCustomer("1200", "Acme");
    assertThat(bng.sim.deliverPendingEvents()).isEqualTo(1);
    bng.sim.redeliverAllEvents();
    bng.sim.deliverPendingEvents();
    bng.sim.redeliverAllEvents();
    bng.sim.deliverPendingEvents();

    queue.runAll();

    assertThat(bng.sim.deliveriesSucceeded()).isEqualTo(3);
    assertThat(erp.records(EntityType.CUSTOMER)).hasSize(1);
    assertThat(writesTo("1200")).isEqualTo(1);
  }

  @Test
  void event_olderAfterNewer_ignored() {
    String id = createCustomer("1200", "Acme");
    rename(id, "Acme Ltd");
    bng.sim.deliverPendingEventsInReverse(); // customer.updated (v2) first, then created (v1)

    queue.runAll();

    assertThat(erp.records(EntityType.CUSTOMER)).singleElement()
        .satisfies(c -> assertThat(c.text("name")).contains("Acme Ltd"));
    assertThat(writesTo("1200")).isEqualTo(1);
  }

  @Test
  void request_badSignatureStaleTimestampOrMalformedJson_refusedNothingApplied() {
    byte[] body = ("{\"id\":\"evt_1\",\"type\":\"customer.created\",\"created_at\":"
        + "\"2026-11-22T10:00:00Z\",\"data\":{\"object\":{\"id\":\"cus_1\",\"external_id\":\"9\","
        + "\"company_name\":\"X\",\"updated_at\":\"2026-11-22T10:00:00.000Z\",\"version\":1}}}")
        .getBytes(StandardCharsets.UTF_8);
    long now = bng.clock.instant().getEpochSecond();

    WebhookResponse badSignature = hooks.handle(headers(
        BngWebhooks.sign(Secret.of("whsec_wrong"), now, body)), body);
    WebhookResponse stale = hooks.handle(headers(
        BngWebhooks.sign(Secret.of(SECRET), now - 301, body)), body);
    byte[] malformed = "{\"id\":\"evt_2\",".getBytes(StandardCharsets.UTF_8);
    WebhookResponse badJson = hooks.handle(headers(
        BngWebhooks.sign(Secret.of(SECRET), now, malformed)), malformed);
    WebhookResponse noHeader = hooks.handle(Map.of(), body);

    assertThat(badSignature.outcome()).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
    assertThat(badSignature.status()).isEqualTo(401);
    assertThat(stale.outcome()).isEqualTo(WebhookOutcome.STALE_TIMESTAMP);
    assertThat(stale.status()).isEqualTo(401);
    assertThat(badJson.outcome()).isEqualTo(WebhookOutcome.MALFORMED_EVENT);
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(noHeader.status()).isEqualTo(401);
    assertThat(queue.runAll()).isZero();
    assertThat(erp.records(EntityType.CUSTOMER)).isEmpty();
    // the valid one, signed with the secret being rotated out, is accepted
    WebhookResponse ok = hooks.handle(headers(
        BngWebhooks.sign(Secret.of("whsec_old"), now, body)), body);
    assertThat(ok.outcome()).isEqualTo(WebhookOutcome.QUEUED);
  }

  @Test
  void event_consumerThrows_redeliveryApplied() {
    createCustomer("1200", "Acme");
    erp.faults().authFailNext(ConnectorOperation.WRITE, 1);
    bng.sim.deliverPendingEvents();
    queue.runAll(); // the job fails: the event is forgotten
    assertThat(erp.records(EntityType.CUSTOMER)).isEmpty();

    bng.sim.redeliverAllEvents();
    bng.sim.deliverPendingEvents();
    queue.runAll();

    assertThat(erp.records(EntityType.CUSTOMER)).singleElement()
        .satisfies(c -> assertThat(c.text("name")).contains("Acme"));
  }

  @Test
  void event_queueFull_answered503AndRetriedByBng() {
    for (int i = 0; i < 3; i++) {
      createCustomer("C" + i, "Customer " + i);
    }

    bng.sim.deliverPendingEvents(); // capacity 2: the third is refused with 503

    assertThat(bng.sim.pendingDeliveries()).isEqualTo(1);
    queue.runAll();
    assertThat(bng.sim.deliverPendingEvents()).isEqualTo(1);
    queue.runAll();
    assertThat(erp.records(EntityType.CUSTOMER)).hasSize(3);
  }

  private static Map<String, List<String>> headers(String signature) {
    return Map.of("bng-signature", List.of(signature), "Content-Type",
        List.of("application/json"));
  }
}
