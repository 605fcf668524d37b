package io.connectsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.Secret;
import io.connectsdk.testkit.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class BearerAuthTest {
  private final FakeClock clock = FakeClock.at("2026-01-01T00:00:00Z");

  @Test
  void send_tenConcurrentRequestsMeetAnExpiredToken_exactlyOneRelogin() throws Exception {
    AtomicInteger logins = new AtomicInteger();
    TokenSource tokens = TokenSource.caching(
        () -> new Token(Secret.of("t" + logins.incrementAndGet()), Instant.MAX),
        Duration.ofSeconds(30), clock);
    tokens.token(); // t1, which the server has expired
    CountDownLatch allRejected = new CountDownLatch(10);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
          if ("Bearer t1".equals(r.getHeaders().get("Authorization"))) {
            allRejected.countDown();
            allRejected.await(10, TimeUnit.SECONDS); // all ten hold t1 at the same time
            return new MockResponse.Builder().code(401).build();
          }
          return new MockResponse.Builder().code(200).body("{\"ok\":true}").build();
        }
      });
      server.start();
      JsonClient http = JsonClient.builder("bng", Endpoint.of(server.url("/").toString()))
          .auth(Auth.bearer(tokens)).build();
      ExecutorService pool = Executors.newFixedThreadPool(10);
      List<Future<JsonResponse>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(pool.submit(() -> http.get(http.endpoint().url("orders"))));
      }
      for (Future<JsonResponse> f : results) {
        assertThat(f.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
      pool.shutdown();
      assertThat(logins.get()).isEqualTo(2); // the first token, then ONE re-login
      assertThat(server.getRequestCount()).isEqualTo(20); // each request replayed once
      assertThat(http.requestsSent()).isEqualTo(20);
      http.close();
    }
  }

  @Test
  void token_renewedBeforeExpiry_onTheClock() {
    AtomicInteger logins = new AtomicInteger();
    TokenSource tokens = TokenSource.caching(() -> new Token(
        Secret.of("t" + logins.incrementAndGet()), clock.instant().plusSeconds(3600)),
        Duration.ofSeconds(60), clock);
    assertThat(tokens.token().value().reveal()).isEqualTo("t1");
    clock.advance(Duration.ofSeconds(3539));
    assertThat(tokens.token().value().reveal()).isEqualTo("t1");
    clock.advance(Duration.ofSeconds(2));
    assertThat(tokens.token().value().reveal()).isEqualTo("t2");
  }

  @Test
  void renew_staleTokenAlreadyReplaced_returnsCurrentWithoutLogin() {
    AtomicInteger logins = new AtomicInteger();
    TokenSource tokens = TokenSource.caching(
        () -> Token.of("t" + logins.incrementAndGet()), Duration.ZERO, clock);
    Token t1 = tokens.token();
    Token t2 = tokens.renew(t1);
    assertThat(tokens.renew(t1)).isEqualTo(t2);
    assertThat(logins.get()).isEqualTo(2);
  }

  @Test
  void interceptor_foreignOrigin_getsNoCredentials() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      server.start();
      // a client of another origin sharing the auth: the auth only serves its own endpoint
      okhttp3.OkHttpClient ok = new okhttp3.OkHttpClient.Builder()
          .addInterceptor(Auth.basic("u", Secret.of("pw"))
              .interceptor(Endpoint.of("https://erp.example.com/")))
          .build();
      ok.newCall(new okhttp3.Request.Builder().url(server.url("/x")).build()).execute().close();
      assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }
  }

  @Test
  void toString_masksToken() {
    assertThat(Token.of("abc").toString()).doesNotContain("abc");
  }
}
