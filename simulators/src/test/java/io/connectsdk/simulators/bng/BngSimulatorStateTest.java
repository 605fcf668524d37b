package io.connectsdk.simulators.bng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.simulators.base.MutableClock;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BngSimulatorStateTest {
  private final MutableClock clock = new MutableClock("2026-11-22T10:00:00Z");
  private final BngSimulator sim =
      BngSimulator.builder().clock(clock).unlimitedRate().build().start();
  private final BngHttp http = new BngHttp(sim);

  @AfterEach
  void stop() {
    sim.close();
  }

  private static ObjectNode node(String json) {
    return BngJson.parseObject(json);
  }

  @Test
  void seed_missingFields_filledAndServedWithoutEvent() throws IOException {
    ObjectNode stored = sim.seed("customers", node("{\"company_name\":\"Acme\"}"));

    assertThat(stored.get("id").asText()).isEqualTo("cus_000000000001");
    assertThat(stored.get("external_id").isNull()).isTrue();
    assertThat(stored.get("version").asInt()).isEqualTo(1);
    assertThat(stored.get("metadata").isEmpty()).isTrue();
    assertThat(stored.get("updated_at").asText()).isEqualTo("2026-11-22T10:00:00.000Z");
    assertThat(http.get("/customers/cus_000000000001").json()).isEqualTo(stored);
    assertThat(sim.events()).isEmpty();
  }

  @Test
  void seed_givenIdAndTimestamps_keptAsGiven() {
    sim.seed("items", node("{\"id\":\"itm_x\",\"sku\":\"A\",\"version\":7,"
        + "\"created_at\":\"2020-01-01T00:00:00.000Z\",\"updated_at\":\"2021-01-01T00:00:00.000Z\"}"));

    ObjectNode item = sim.record("items", "itm_x").orElseThrow();
    assertThat(item.get("version").asInt()).isEqualTo(7);
    assertThat(item.get("updated_at").asText()).isEqualTo("2021-01-01T00:00:00.000Z");
  }

  @Test
  void seed_takenExternalIdOrBadInput_refused() {
    sim.seed("customers", node("{\"external_id\":\"1\"}"));
    assertThatThrownBy(() -> sim.seed("customers", node("{\"external_id\":\"1\"}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.seed("widgets", node("{}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.seed("inventory", node("{\"sku\":\"A\"}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.seed("customers", node("{\"updated_at\":\"yesterday\"}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void records_areCopies() {
    sim.seed("customers", node("{\"company_name\":\"Acme\"}"));
    sim.records("customers").get(0).put("company_name", "changed");
    assertThat(sim.records("customers").get(0).get("company_name").asText()).isEqualTo("Acme");
  }

  @Test
  void patch_externalIdTakenByAnother_409Conflict() throws IOException {
    http.post("/customers", "{\"external_id\":\"1\",\"company_name\":\"A\"}");
    String id = http.post("/customers", "{\"external_id\":\"2\",\"company_name\":\"B\"}")
        .json().get("id").asText();

    BngHttp.Result r = http.patch("/customers/" + id, "{\"external_id\":\"1\"}", null);

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorType()).isEqualTo("conflict");
    assertThat(http.get("/customers?external_id=2").json().get("data")).hasSize(1);
  }

  @Test
  void reset_clearsRecordsKeysAndCounters() throws IOException {
    http.post("/customers", "{\"company_name\":\"A\"}", "k");
    sim.reset();

    assertThat(sim.count("customers")).isZero();
    assertThat(sim.totalRequests()).isZero();
    assertThat(sim.events()).isEmpty();
    http.dropToken();
    assertThat(http.post("/customers", "{\"company_name\":\"B\"}", "k").status()).isEqualTo(201);
    assertThat(sim.idempotentReplays()).isZero();
    assertThat(sim.calls()).containsEntry("POST /customers", 1L)
        .containsEntry("POST /oauth/token", 1L);
  }
}
