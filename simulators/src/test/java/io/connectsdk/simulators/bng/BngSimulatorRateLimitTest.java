package io.connectsdk.simulators.bng;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.simulators.base.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BngSimulatorRateLimitTest {
  private final MutableClock clock = new MutableClock("2026-11-22T10:00:00Z");
  private final BngSimulator sim = BngSimulator.builder().clock(clock)
      .client("a", "a").client("b", "b").build().start();

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void api_burstExhausted_429RateLimitedWithRetryAfter() throws IOException {
    BngHttp http = new BngHttp(sim).as("a", "a");
    List<String> remaining = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      BngHttp.Result r = http.get("/customers");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("X-RateLimit-Limit")).isEqualTo("20");
      remaining.add(r.header("X-RateLimit-Remaining"));
    }

    BngHttp.Result refused = http.get("/customers");

    assertThat(remaining).first().isEqualTo("19");
    assertThat(remaining).last().isEqualTo("0");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.errorType()).isEqualTo("rate_limited");
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
    // 20 tokens at 10/s: full again 2 s from now
    long now = Instant.parse("2026-11-22T10:00:00Z").getEpochSecond();
    assertThat(refused.header("X-RateLimit-Reset")).isEqualTo(Long.toString(now + 2));
    assertThat(sim.rateLimitedResponses()).isEqualTo(1);
  }

  @Test
  void api_tokensRefillOnTheClock_oneRequestPerTenthOfASecond() throws IOException {
    BngHttp http = new BngHttp(sim).as("a", "a");
    for (int i = 0; i < 20; i++) {
      http.get("/customers");
    }
    clock.advance(Duration.ofMillis(100));

    assertThat(http.get("/customers").status()).isEqualTo(200);
    assertThat(http.get("/customers").status()).isEqualTo(429);
    clock.advance(Duration.ofSeconds(5));
    int admitted = 0;
    for (int i = 0; i < 25; i++) {
      admitted += http.get("/customers").status() == 200 ? 1 : 0;
    }
    assertThat(admitted).isEqualTo(20);
    assertThat(sim.rateLimitedResponses()).isEqualTo(6);
  }

  @Test
  void api_twoTenants_separateBuckets() throws IOException {
    BngHttp a = new BngHttp(sim).as("a", "a");
    BngHttp b = new BngHttp(sim).as("b", "b");
    for (int i = 0; i < 20; i++) {
      a.get("/customers");
    }
    assertThat(a.get("/customers").status()).isEqualTo(429);
    assertThat(b.get("/customers").status()).isEqualTo(200);
  }

  @Test
  void rateLimit_reconfigured_appliesToEveryTenant() throws IOException {
    sim.rateLimit(1, 2);
    BngHttp http = new BngHttp(sim).as("a", "a");
    assertThat(http.get("/customers").status()).isEqualTo(200);
    assertThat(http.get("/customers").status()).isEqualTo(200);
    BngHttp.Result third = http.get("/customers");
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.header("X-RateLimit-Limit")).isEqualTo("2");
  }

  @Test
  void token_response_carriesRateLimitHeadersWithoutSpendingAToken() throws IOException {
    BngHttp http = new BngHttp(sim).as("a", "a");
    BngHttp.Result token = http.token();
    assertThat(token.header("X-RateLimit-Remaining")).isEqualTo("20");
    assertThat(http.get("/customers").header("X-RateLimit-Remaining")).isEqualTo("19");
  }
}
