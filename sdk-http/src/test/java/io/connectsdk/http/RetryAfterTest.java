package io.connectsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.testkit.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final FakeClock clock = FakeClock.at("2026-01-01T00:00:00Z");

  @Test
  void parse_seconds_isThatWait() {
    assertThat(RetryAfter.parse(" 120 ", clock)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void parse_httpDate_isMeasuredOnTheInjectedClock() {
    assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:05:00 GMT", clock))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void parse_pastDateOrGarbageOrAbsent_isZero() {
    assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", clock)).isZero();
    assertThat(RetryAfter.parse("soon", clock)).isZero();
    assertThat(RetryAfter.parse(null, clock)).isZero();
  }

  @Test
  void parse_hugeValue_isCappedAtOneDay() {
    assertThat(RetryAfter.parse("99999999999999999999", clock)).isEqualTo(Duration.ofDays(1));
  }
}
