package io.connectsdk.bng;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.testkit.FakeClock;
import java.time.Duration;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ServerQuotaTest {
  private final FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
  private final ServerQuota quota = new ServerQuota("bng", clock, clock, 2);
  private final long reset = clock.instant().getEpochSecond() + 2;

  private Headers headers(String limit, String remaining, String reset) {
    return Headers.of("X-RateLimit-Limit", limit, "X-RateLimit-Remaining", remaining,
        "X-RateLimit-Reset", reset);
  }

  @Test
  void observe_plentyRemaining_noPause() {
    quota.observe(headers("20", "5", "" + reset));
    quota.awaitTurn();

    assertThat(clock.totalSlept()).isZero();
    assertThat(quota.pauses()).isZero();
  }

  @Test
  void observe_oneRemaining_nextRequestWaitsForOneToken() {
    quota.observe(headers("20", "1", "" + reset));
    quota.awaitTurn();

    // 19 tokens missing refill in 2 s: one more is 2 s / 19
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(2).dividedBy(19));
    assertThat(quota.pauses()).isEqualTo(1);
  }

  @Test
  void observe_garbledOrMissingHeaders_ignored() {
    quota.observe(headers("x", "0", "" + reset));
    quota.observe(headers("20", "-1", "" + reset));
    quota.observe(Headers.of());
    quota.observe(headers("20", "0", "99999999999999"));
    quota.awaitTurn();

    assertThat(clock.totalSlept()).isZero();
  }
}
