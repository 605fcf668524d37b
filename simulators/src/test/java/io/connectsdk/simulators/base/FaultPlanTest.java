package io.connectsdk.simulators.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  private static FaultPlan plan(long seed) {
    return new FaultPlan(new Random(seed), List.of(500, 429));
  }

  private static List<String> draws(FaultPlan plan, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(plan.next().toString());
    }
    return out;
  }

  @Test
  void next_noFaults_alwaysPass() {
    assertThat(draws(plan(1), 50)).containsOnly("SimFault[PASS]");
  }

  @Test
  void next_sameSeedAndRates_sameSequence() {
    FaultPlan a = plan(7);
    FaultPlan b = plan(7);
    for (FaultPlan p : List.of(a, b)) {
      p.statusRate(500, 0.2);
      p.statusRate(429, 0.1);
      p.resetRate(0.1);
      p.resetAfterApplyRate(0.1);
    }
    List<String> first = draws(a, 200);
    assertThat(first).isEqualTo(draws(b, 200));
    assertThat(first).contains("SimFault[500]", "SimFault[429]", "SimFault[RESET]",
        "SimFault[RESET_AFTER_APPLY]", "SimFault[PASS]");
  }

  @Test
  void next_scriptFirst_thenRates() {
    FaultPlan p = plan(1);
    p.statusRate(500, 1.0);
    p.script(SimFault.pass(), SimFault.reset());

    assertThat(draws(p, 3)).containsExactly("SimFault[PASS]", "SimFault[RESET]", "SimFault[500]");
    assertThat(p.scripted()).isZero();
  }

  @Test
  void statusRate_unknownStatusOrTotalAboveOne_refused() {
    FaultPlan p = plan(1);
    assertThatThrownBy(() -> p.statusRate(503, 0.1)).isInstanceOf(IllegalArgumentException.class);
    p.statusRate(500, 0.7);
    assertThatThrownBy(() -> p.resetRate(0.4)).isInstanceOf(IllegalArgumentException.class);
    p.statusRate(500, 0.5);
    p.resetRate(0.4);
    assertThatThrownBy(() -> p.resetAfterApplyRate(-0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clear_removesRatesScriptAndLatency() {
    FaultPlan p = plan(1);
    p.statusRate(429, 1.0);
    p.latency(Duration.ofMillis(5));
    p.script(SimFault.reset());
    p.clear();

    assertThat(draws(p, 10)).containsOnly("SimFault[PASS]");
    assertThat(p.latency()).isZero();
  }

  @Test
  void run_resetAfterApply_appliesThenResets() {
    int[] applied = {0};
    Supplier<SimAnswer> route = () -> {
      applied[0]++;
      return new SimAnswer(201, "{}", "application/json", java.util.Map.of());
    };

    SimAnswer lost = SimFault.resetAfterApply().run(route, f -> null);
    SimAnswer refused = SimFault.reset().run(route, f -> null);
    SimAnswer error = SimFault.error(503).run(route,
        f -> new SimAnswer(f.status(), null, null, java.util.Map.of()));

    assertThat(lost.isReset()).isTrue();
    assertThat(refused.isReset()).isTrue();
    assertThat(error.status()).isEqualTo(503);
    assertThat(applied[0]).isEqualTo(1);
  }
}
