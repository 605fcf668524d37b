package io.connectsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Json;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.Secret;
import io.connectsdk.core.TransientException;
import io.connectsdk.testkit.FakeClock;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonClientTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = FakeClock.at("2026-01-01T00:00:00Z");
  private JsonClient http;

  @BeforeEach
  void start() throws Exception {
    server.start();
    http = client(HttpOptions.builder().clock(clock).sleeper(clock).build());
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    server.close();
  }

  private JsonClient client(HttpOptions options) {
    return JsonClient.builder("test", Endpoint.of(server.url("/api/").toString()))
        .options(options).auth(Auth.basic("WEBAPI", Secret.of("hunter2")))
        .header("Content-Type", "application/json").build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  @Test
  void send_patch_sendsExactRequest() throws Exception {
    server.enqueue(json(200, "{\"ok\":true}"));
    JsonResponse r = http.send("PATCH", http.endpoint().url("AR", "ARCustomers('C1')"),
        Json.object().put("ShortName", "Acme"));
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("PATCH");
    assertThat(req.getUrl().encodedPath()).isEqualTo("/api/AR/ARCustomers('C1')");
    assertThat(req.getHeaders().get("Authorization")).startsWith("Basic ");
    assertThat(req.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(req.getHeaders().get("User-Agent")).isEqualTo("connect-sdk");
    assertThat(req.getBody().utf8()).isEqualTo("{\"ShortName\":\"Acme\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().path("ok").asBoolean()).isTrue();
  }

  @Test
  void send_countsRequestsPerMethodAndRoute() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{}"));
    }
    http.get(http.endpoint().url("AR", "ARCustomers('A')"));
    http.get(http.endpoint().url("AR", "ARCustomers('B')"));
    http.send("POST", http.endpoint().url("AR", "ARCustomers"), Json.object());
    assertThat(http.requestsSent()).isEqualTo(3);
    assertThat(http.requestCounts()).containsEntry("GET /api/AR/ARCustomers(..)", 2L)
        .containsEntry("POST /api/AR/ARCustomers", 1L);
  }

  @Test
  void send_htmlWith200_isAnErrorNeverAnEmptySuccess() {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
        .body("<html><body>Service Unavailable</body></html>").build());
    assertThatThrownBy(() -> http.send("PATCH", http.endpoint().url("x"), Json.object()))
        .isInstanceOf(TransientException.class).hasMessageContaining("not JSON");
  }

  @Test
  void send_htmlWith500_isAResponseWithMissingBody() {
    server.enqueue(new MockResponse.Builder().code(500).body("<html>oops</html>").build());
    JsonResponse r = http.get(http.endpoint().url("x"));
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.isJson()).isFalse();
    assertThat(r.body().isMissingNode()).isTrue();
  }

  @Test
  void send_bodyOverCap_isAClearErrorNotOutOfMemory() {
    JsonClient small = client(HttpOptions.builder().maxResponseBytes(1000).build());
    server.enqueue(new MockResponse.Builder().code(200)
        .chunkedBody(new Buffer().writeUtf8("[" + "1,".repeat(5000) + "1]"), 512).build());
    assertThatThrownBy(() -> small.get(small.endpoint().url("x")))
        .isInstanceOf(PermanentException.class).hasMessageContaining("larger than 1000 bytes");
    server.enqueue(json(200, "[" + "1,".repeat(5000) + "1]"));
    assertThatThrownBy(() -> small.get(small.endpoint().url("x")))
        .isInstanceOf(PermanentException.class);
    small.close();
  }

  @Test
  void send_hugeExponent_isRefusedAtParse() {
    server.enqueue(json(200, "{\"CustomerNumber\":1e999999999}"));
    assertThatThrownBy(() -> http.get(http.endpoint().url("x")))
        .isInstanceOf(TransientException.class);
  }

  @Test
  void send_connectionResetAfterRequest_isTransientAndNotResent() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket())
        .build());
    server.enqueue(json(200, "{}"));
    assertThatThrownBy(() -> http.send("POST", http.endpoint().url("x"), Json.object()))
        .isInstanceOf(TransientException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(http.requestsSent()).isEqualTo(1);
  }

  @Test
  void send_foreignOrigin_isRefusedBeforeSending() {
    HttpUrl foreign = HttpUrl.get("http://127.0.0.2:9/api/x");
    assertThatThrownBy(() -> http.get(foreign)).isInstanceOf(PermanentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void send_afterClose_failsFast() {
    http.close();
    assertThatThrownBy(() -> http.get(http.endpoint().url("x")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void send_429WithRetryAfter_pausesTheNextRequestOnTheClock() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build());
    server.enqueue(json(200, "{}"));
    JsonResponse r = http.get(http.endpoint().url("x"));
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    http.get(http.endpoint().url("x"));
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void send_429WithResetHeader_pausesUntilTheReset() {
    JsonClient c = client(HttpOptions.builder().clock(clock).sleeper(clock)
        .rateLimitResetHeader("X-RateLimit-Reset").build());
    server.enqueue(new MockResponse.Builder().code(429).setHeader("X-RateLimit-Reset", "12").build());
    server.enqueue(json(200, "{}"));
    c.get(c.endpoint().url("x"));
    c.get(c.endpoint().url("x"));
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(12));
    c.close();
  }

  @Test
  void options_withDefaults_keepsConnectorDefaultsForUnsetValues() {
    HttpOptions user = HttpOptions.builder().userAgent("acme/1").build();
    HttpOptions merged = user.withDefaults(HttpOptions.builder().maxConcurrentRequests(2).build());
    assertThat(merged.userAgent()).isEqualTo("acme/1");
    assertThat(merged.maxConcurrentRequests()).isEqualTo(2);
    assertThat(HttpOptions.defaults().maxResponseBytes()).isEqualTo(8L << 20);
  }
}
