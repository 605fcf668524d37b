package io.connectsdk.simulators.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Sage300SimulatorFaultTest {
  private static final String CUSTOMER =
      "{\"CustomerNumber\":\"1\",\"ShortName\":\"A\",\"GroupCode\":\"G\",\"TaxGroup\":\"T\"}";

  private final List<Sage300Simulator> started = new ArrayList<>();
  private ExecutorService executor;

  private Sage300Simulator start(Sage300Simulator.Builder builder) {
    Sage300Simulator sim = builder.build().start();
    started.add(sim);
    return sim;
  }

  @AfterEach
  void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
    started.forEach(Sage300Simulator::close);
  }

  private static List<Integer> statuses(Sage300Simulator sim, int n) throws IOException {
    SimHttp http = new SimHttp(sim);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(http.get("AR/ARCustomers").status());
    }
    return out;
  }

  @Test
  void capacity_exceeded_tooManyRequestsAndPeakMeasured() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Sage300Simulator sim = start(Sage300Simulator.builder()
        .maxConcurrentRequests(2)
        .sleeper(d -> release.await(30, TimeUnit.SECONDS)));
    sim.latency(Duration.ofMillis(1));
    SimHttp http = new SimHttp(sim);
    executor = Executors.newFixedThreadPool(2);
    Future<SimHttp.Result> a = executor.submit(() -> http.get("AR/ARCustomers"));
    Future<SimHttp.Result> b = executor.submit(() -> http.get("AR/ARCustomers"));
    awaitInFlight(sim, 2);

    SimHttp.Result third = http.get("AR/ARCustomers");
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.errorCode()).isEqualTo("TooManyRequests");
    release.countDown();
    assertThat(a.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(b.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(sim.maxConcurrency()).isEqualTo(3);
    assertThat(sim.totalRequests()).isEqualTo(3);
    assertThat(sim.calls("GET", "AR", "ARCustomers")).isEqualTo(3);
  }

  private static void awaitInFlight(Sage300Simulator sim, int n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (sim.inFlight() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("requests never arrived: " + sim.inFlight());
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void errorRate_500and503_bodiesAndSeededSequence() throws IOException {
    Sage300Simulator sim = start(Sage300Simulator.builder().seed(7));
    sim.errorRate(500, 1.0);
    SimHttp.Result r = new SimHttp(sim).get("AR/ARCustomers");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.errorCode()).isEqualTo("InternalServerError");
    sim.errorRate(500, 0).errorRate(503, 1.0);
    SimHttp.Result s = new SimHttp(sim).get("AR/ARCustomers");
    assertThat(s.status()).isEqualTo(503);
    assertThat(s.errorCode()).isEqualTo("SessionError");

    Sage300Simulator x = start(Sage300Simulator.builder().seed(123)).errorRate(500, 0.3);
    Sage300Simulator y = start(Sage300Simulator.builder().seed(123)).errorRate(500, 0.3);
    List<Integer> fromX = statuses(x, 30);
    Random reference = new Random(123);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      expected.add(reference.nextDouble() < 0.3 ? 500 : 200);
    }
    assertThat(fromX).isEqualTo(expected).isEqualTo(statuses(y, 30)).contains(200, 500);
  }

  @Test
  void tooManyRequestsRate_configuredStatusAndRetryAfter() throws IOException {
    Sage300Simulator sim = start(Sage300Simulator.builder()
        .tooManyRequestsStatus(503).retryAfter(Duration.ofMillis(1500)));
    sim.tooManyRequestsRate(1.0);
    SimHttp.Result r = new SimHttp(sim).get("AR/ARCustomers");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.errorCode()).isEqualTo("TooManyRequests");
    assertThat(r.header("Retry-After")).isEqualTo("2");
  }

  @Test
  void latency_waitedOutThroughSleeper() throws IOException {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    Sage300Simulator sim = start(Sage300Simulator.builder().sleeper(waits::add));
    sim.latency(Duration.ofMillis(250));
    statuses(sim, 3);
    assertThat(waits).containsExactly(
        Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
    sim.clearFaults();
    statuses(sim, 1);
    assertThat(waits).hasSize(3);
  }

  @Test
  void reset_dropsConnectionWithoutApplying() {
    Sage300Simulator sim = start(Sage300Simulator.builder()).resetRate(1.0);
    assertThatThrownBy(() -> new SimHttp(sim).post("AR/ARCustomers", CUSTOMER))
        .isInstanceOf(IOException.class);
    assertThat(sim.count("AR", "ARCustomers")).isZero();
    assertThat(sim.calls("POST", "AR", "ARCustomers")).isEqualTo(1);
  }

  @Test
  void resetAfterApply_appliesWriteButLosesResponse() throws IOException {
    Sage300Simulator sim = start(Sage300Simulator.builder()).resetAfterApplyRate(1.0);
    SimHttp http = new SimHttp(sim);
    assertThatThrownBy(() -> http.post("AR/ARCustomers", CUSTOMER)).isInstanceOf(IOException.class);
    assertThat(sim.count("AR", "ARCustomers")).isEqualTo(1);
    sim.clearFaults();
    SimHttp.Result retry = http.post("AR/ARCustomers", CUSTOMER);
    assertThat(retry.errorCode()).isEqualTo("RecordDuplicate");
  }

  @Test
  void script_nextRequestsFollowScriptThenNormal() throws IOException {
    Sage300Simulator sim = start(Sage300Simulator.builder());
    sim.script(Sage300Fault.sessionError(), Sage300Fault.pass(), Sage300Fault.reset(),
        Sage300Fault.error(409, "General", "Locked by another user."),
        Sage300Fault.tooManyRequests(), Sage300Fault.internalServerError());
    assertThat(sim.scriptedRemaining()).isEqualTo(6);
    SimHttp http = new SimHttp(sim);
    assertThat(http.get("AR/ARCustomers").errorCode()).isEqualTo("SessionError");
    assertThat(http.get("AR/ARCustomers").status()).isEqualTo(200);
    assertThatThrownBy(() -> http.get("AR/ARCustomers")).isInstanceOf(IOException.class);
    SimHttp.Result general = http.get("AR/ARCustomers");
    assertThat(general.status()).isEqualTo(409);
    assertThat(general.errorCode()).isEqualTo("General");
    assertThat(http.get("AR/ARCustomers").status()).isEqualTo(429);
    assertThat(http.get("AR/ARCustomers").status()).isEqualTo(500);
    assertThat(http.get("AR/ARCustomers").status()).isEqualTo(200);
    assertThat(sim.scriptedRemaining()).isZero();
  }

  @Test
  void script_notConsumedByRejectedSignOn() throws IOException {
    Sage300Simulator sim = start(Sage300Simulator.builder());
    sim.script(Sage300Fault.internalServerError());
    assertThat(new SimHttp(sim).as("WEBAPI", "bad").get("AR/ARCustomers").status()).isEqualTo(401);
    assertThat(sim.scriptedRemaining()).isEqualTo(1);
  }

  @Test
  void faultRates_invalid_rejected() {
    Sage300Simulator sim = start(Sage300Simulator.builder());
    assertThatThrownBy(() -> sim.errorRate(404, 0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.resetRate(1.5)).isInstanceOf(IllegalArgumentException.class);
    sim.resetRate(0.6);
    assertThatThrownBy(() -> sim.resetAfterApplyRate(0.5))
        .isInstanceOf(IllegalArgumentException.class);
    sim.resetRate(0.1).resetAfterApplyRate(0.5);
    assertThatThrownBy(() -> Sage300Fault.error(200, "X", "y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void counters_perMethodAndResource_resettable() throws IOException {
    Sage300Simulator sim = start(Sage300Simulator.builder());
    SimHttp http = new SimHttp(sim);
    http.post("AR/ARCustomers", CUSTOMER);
    http.get("AR/ARCustomers('1')");
    http.get("AR/ARCustomers");
    http.get(sim.baseUrl() + "/nowhere");
    assertThat(sim.calls("POST", "AR", "ARCustomers")).isEqualTo(1);
    assertThat(sim.calls("get", "AR", "ARCustomers")).isEqualTo(2);
    assertThat(sim.calls()).containsExactly(
        java.util.Map.entry("GET ?", 1L), java.util.Map.entry("GET AR/ARCustomers", 2L),
        java.util.Map.entry("POST AR/ARCustomers", 1L));
    assertThat(sim.totalRequests()).isEqualTo(4);
    assertThat(sim.maxConcurrency()).isEqualTo(1);
    sim.resetCounters();
    assertThat(sim.totalRequests()).isZero();
    assertThat(sim.calls()).isEmpty();
    sim.errorRate(500, 1.0);
    sim.reset();
    assertThat(sim.count("AR", "ARCustomers")).isZero();
    assertThat(http.get("AR/ARCustomers").status()).isEqualTo(200);
  }
}
