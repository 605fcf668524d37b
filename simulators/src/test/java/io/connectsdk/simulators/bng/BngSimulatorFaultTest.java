package io.connectsdk.simulators.bng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.simulators.base.MutableClock;
import io.connectsdk.simulators.base.SimFault;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BngSimulatorFaultTest {
  private static final String ACME = "{\"external_id\":\"1200\",\"company_name\":\"Acme\"}";

  private final MutableClock clock = new MutableClock("2026-11-22T10:00:00Z");
  private final BngSimulator sim =
      BngSimulator.builder().clock(clock).unlimitedRate().build().start();
  private final BngHttp http = new BngHttp(sim);

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void resetAfterApply_createLostResponse_recordExistsAndKeyReplaysIt() throws IOException {
    http.token();
    sim.faults().script(List.of(SimFault.resetAfterApply()));

    assertThatThrownBy(() -> http.post("/customers", ACME, "k1")).isInstanceOf(IOException.class);
    assertThat(sim.count("customers")).isEqualTo(1);

    BngHttp.Result retry = http.post("/customers", ACME, "k1");
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json().get("id").asText())
        .isEqualTo(sim.records("customers").get(0).get("id").asText());
    assertThat(sim.count("customers")).isEqualTo(1);
    assertThat(sim.calls("POST", "/customers")).isEqualTo(2);
  }

  @Test
  void reset_beforeApply_nothingStored() throws IOException {
    http.token();
    sim.faults().script(List.of(SimFault.reset()));

    assertThatThrownBy(() -> http.post("/customers", ACME)).isInstanceOf(IOException.class);
    assertThat(sim.count("customers")).isZero();
    assertThat(sim.events()).isEmpty();
    assertThat(sim.faults().scripted()).isZero();
  }

  @Test
  void script_errors_renderedAsBngErrorBodies() throws IOException {
    http.token();
    sim.faults().script(List.of(SimFault.error(503), SimFault.error(429), SimFault.pass()));

    BngHttp.Result unavailable = http.get("/customers");
    BngHttp.Result limited = http.get("/customers");
    BngHttp.Result ok = http.get("/customers");

    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.errorType()).isEqualTo("server_error");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorType()).isEqualTo("rate_limited");
    assertThat(limited.header("Retry-After")).isEqualTo("1");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(sim.rateLimitedResponses()).isEqualTo(1);
  }

  @Test
  void statusRate_allRequests_tokenEndpointSpared() throws IOException {
    sim.faults().statusRate(500, 1.0);
    assertThat(http.token().status()).isEqualTo(200);
    assertThat(http.get("/customers").status()).isEqualTo(500);
    sim.faults().clear();
    assertThat(http.get("/customers").status()).isEqualTo(200);
  }

  @Test
  void statusRate_seeded_sameRunTwice() throws IOException {
    assertThat(statuses(7)).isEqualTo(statuses(7));
  }

  private List<Integer> statuses(long seed) throws IOException {
    try (BngSimulator s = BngSimulator.builder().seed(seed).unlimitedRate().build().start()) {
      s.faults().statusRate(503, 0.3);
      s.faults().statusRate(429, 0.2);
      BngHttp h = new BngHttp(s);
      List<Integer> out = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        out.add(h.get("/customers").status());
      }
      assertThat(out).contains(200, 503, 429);
      return out;
    }
  }

  @Test
  void statusRate_unsupportedStatus_refused() {
    assertThatThrownBy(() -> sim.faults().statusRate(404, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    sim.faults().statusRate(500, 0.6);
    assertThatThrownBy(() -> sim.faults().resetRate(0.6))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentCreates_allStoredWithDistinctIds() throws Exception {
    http.token();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        results.add(pool.submit(() -> http.post("/customers", "{\"external_id\":\"E" + n
            + "\",\"company_name\":\"X\"}", "key-" + n).status()));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> ids = new HashSet<>();
    sim.records("customers").forEach(c -> ids.add(c.get("id").asText()));
    assertThat(ids).hasSize(200);
    assertThat(sim.calls("POST", "/customers")).isEqualTo(200);
    assertThat(sim.maxConcurrency()).isBetween(1, 9);
  }
}
