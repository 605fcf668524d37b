package io.connectsdk.simulators.bng;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.simulators.base.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BngSimulatorWebhookTest {
  private final MutableClock clock = new MutableClock("2026-11-22T10:00:00Z");
  private final BngSimulator sim =
      BngSimulator.builder().clock(clock).unlimitedRate().build().start();
  private final BngHttp http = new BngHttp(sim);
  private final MockWebServer receiver = new MockWebServer();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver.start();
  }

  @AfterEach
  void stop() {
    sim.close();
    receiver.close();
  }

  private void answer(int... statuses) {
    for (int s : statuses) {
      receiver.enqueue(new MockResponse.Builder().code(s).build());
    }
  }

  private List<RecordedRequest> received(int n) throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(receiver.takeRequest(5, TimeUnit.SECONDS));
    }
    assertThat(receiver.takeRequest(0, TimeUnit.SECONDS)).isNull();
    return out;
  }

  private static String hmac(String secret, String payload) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void deliver_createdCustomer_signedEventWithRecord() throws Exception {
    sim.subscribe(receiver.url("/hooks").toString(), "whsec_1");
    String id = http.post("/customers", "{\"company_name\":\"Acme\"}").json().get("id").asText();
    answer(200);

    assertThat(sim.deliverPendingEvents()).isEqualTo(1);

    RecordedRequest req = received(1).get(0);
    String body = req.getBody().utf8();
    JsonNode event = BngJson.MAPPER.readTree(body);
    assertThat(event.get("id").asText()).startsWith("evt_");
    assertThat(event.get("type").asText()).isEqualTo("customer.created");
    assertThat(event.get("created_at").asText()).isEqualTo("2026-11-22T10:00:00.000Z");
    assertThat(event.at("/data/object/id").asText()).isEqualTo(id);
    String t = Long.toString(clock.instant().getEpochSecond());
    assertThat(req.getHeaders().get("BNG-Signature"))
        .isEqualTo("t=" + t + ",v1=" + hmac("whsec_1", t + "." + body));
    assertThat(sim.pendingDeliveries()).isZero();
  }

  @Test
  void deliver_duringSecretRotation_oneV1PerSecret() throws Exception {
    sim.subscribe(receiver.url("/hooks").toString(), "new", "old");
    http.post("/vendors", "{\"name\":\"Parts Co\"}");
    answer(200);
    sim.deliverPendingEvents();

    RecordedRequest req = received(1).get(0);
    String body = req.getBody().utf8();
    String t = Long.toString(clock.instant().getEpochSecond());
    assertThat(req.getHeaders().get("BNG-Signature")).isEqualTo("t=" + t
        + ",v1=" + hmac("new", t + "." + body) + ",v1=" + hmac("old", t + "." + body));
  }

  @Test
  void redeliverAll_sameEventArrivesTwiceWithSameId() throws Exception {
    sim.subscribe(receiver.url("/hooks").toString(), "s");
    http.post("/customers", "{\"company_name\":\"Acme\"}");
    answer(200, 200);
    sim.deliverPendingEvents();
    sim.redeliverAllEvents();
    sim.deliverPendingEvents();

    List<RecordedRequest> got = received(2);
    assertThat(got.get(1).getBody().utf8()).isEqualTo(got.get(0).getBody().utf8());
    assertThat(sim.deliveriesSucceeded()).isEqualTo(2);
    assertThat(sim.events()).hasSize(1);
  }

  @Test
  void deliverInReverse_olderUpdateArrivesAfterNewer() throws Exception {
    sim.subscribe(receiver.url("/hooks").toString(), "s");
    String id = http.post("/customers", "{\"company_name\":\"A\"}").json().get("id").asText();
    http.patch("/customers/" + id, "{\"company_name\":\"B\"}", null);
    answer(200, 200);

    assertThat(sim.deliverPendingEventsInReverse()).isEqualTo(2);

    List<RecordedRequest> got = received(2);
    JsonNode first = BngJson.MAPPER.readTree(got.get(0).getBody().utf8());
    JsonNode second = BngJson.MAPPER.readTree(got.get(1).getBody().utf8());
    assertThat(first.get("type").asText()).isEqualTo("customer.updated");
    assertThat(first.at("/data/object/version").asInt()).isEqualTo(2);
    assertThat(second.get("type").asText()).isEqualTo("customer.created");
    assertThat(second.at("/data/object/company_name").asText()).isEqualTo("A");
  }

  @Test
  void deliver_subscriberAnswers500_retriedOnNextCall() throws Exception {
    sim.subscribe(receiver.url("/hooks").toString(), "s");
    http.post("/customers", "{\"company_name\":\"Acme\"}");
    answer(500, 204);

    assertThat(sim.deliverPendingEvents()).isZero();
    assertThat(sim.pendingDeliveries()).isEqualTo(1);
    assertThat(sim.deliverPendingEvents()).isEqualTo(1);

    List<RecordedRequest> got = received(2);
    assertThat(got.get(1).getBody().utf8()).isEqualTo(got.get(0).getBody().utf8());
    assertThat(sim.deliveryAttempts()).isEqualTo(2);
    assertThat(sim.pendingDeliveries()).isZero();
  }

  @Test
  void events_typesPerContract() throws IOException {
    String c = http.post("/customers", "{\"company_name\":\"A\"}").json().get("id").asText();
    http.post("/items", "{\"sku\":\"S\"}");
    http.post("/categories", "{\"name\":\"Tools\"}");
    String o = http.post("/orders", "{\"customer_id\":\"" + c + "\",\"lines\":[{\"sku\":\"S\","
        + "\"quantity\":1}]}").json().get("id").asText();
    http.patch("/orders/" + o, "{\"status\":\"fulfilled\"}", null);
    String s = http.post("/shipments", "{\"order_id\":\"" + o + "\"}").json().get("id").asText();
    http.patch("/shipments/" + s, "{\"carrier\":\"UPS\"}", null);
    http.put("/inventory/S/MAIN", "{\"on_hand\":1}");

    assertThat(sim.events()).extracting(BngEvent::type).containsExactly("customer.created",
        "item.created", "order.created", "order.updated", "shipment.created",
        "inventory.updated");
  }
}
