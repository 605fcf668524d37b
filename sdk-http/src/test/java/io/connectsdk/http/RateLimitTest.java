package io.connectsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.testkit.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Acceptance: the limit is per HTTP request, not per connector procedure. */
class RateLimitTest {

  @Test
  void send_mixOfOneAndThreeRequestProcedures_staysWithin10PerSecondBurst20() throws Exception {
    FakeClock clock = FakeClock.at("2026-01-01T00:00:00Z");
    Instant start = clock.instant();
    List<Long> sentAtNanos = new ArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          synchronized (sentAtNanos) {
            sentAtNanos.add(Duration.between(start, clock.instant()).toNanos());
          }
          return new MockResponse.Builder().code(200).body("{}").build();
        }
      });
      server.setServerSocketFactory(new io.connectsdk.simulators.NoDelayServerSocketFactory());
      server.start();
      JsonClient http = JsonClient.builder("bng", Endpoint.of(server.url("/").toString()))
          .options(HttpOptions.builder().rateLimit(10, 20).clock(clock).sleeper(clock).build())
          .build();
      Random random = new Random(42);
      int procedures = 0;
      while (clock.instant().isBefore(start.plusSeconds(60))) {
        int requests = random.nextBoolean() ? 1 : 3;
        for (int i = 0; i < requests; i++) {
          http.get(http.endpoint().url("orders"));
        }
        procedures++;
      }
      http.close();
      assertThat(procedures).isGreaterThan(100);
    }
    long second = 1_000_000_000L;
    int[] perSecond = new int[62];
    for (long t : sentAtNanos) {
      perSecond[(int) (t / second)]++;
    }
    // the first second may spend the burst of 20 plus that second's refill of 10
    assertThat(perSecond[0]).isLessThanOrEqualTo(30);
    for (int s = 1; s < 60; s++) {
      assertThat(perSecond[s]).as("requests in second %d", s).isLessThanOrEqualTo(10);
    }
    // any window of one second: at most burst + rate
    for (int i = 0; i < sentAtNanos.size(); i++) {
      int j = i;
      while (j < sentAtNanos.size() && sentAtNanos.get(j) - sentAtNanos.get(i) < second) {
        j++;
      }
      assertThat(j - i).isLessThanOrEqualTo(30);
    }
    // and the limit was used, not starved: 20 + 10 per second over 60 s
    assertThat(sentAtNanos.stream().filter(t -> t < 60 * second).count()).isBetween(600L, 620L);
  }
}
