package io.connectsdk.simulators.bng;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.simulators.base.MutableClock;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BngSimulatorAuthTest {
  private final MutableClock clock = new MutableClock("2026-11-22T10:00:00Z");
  private final BngSimulator sim = BngSimulator.builder().clock(clock).unlimitedRate()
      .client("sync", "s3cret").tokenTtl(Duration.ofMinutes(10)).build().start();
  private final BngHttp http = new BngHttp(sim).as("sync", "s3cret");

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void token_clientCredentials_bearerWithExpiresIn() throws IOException {
    BngHttp.Result r = http.token();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(r.json().get("expires_in").asInt()).isEqualTo(600);
    assertThat(r.json().get("access_token").asText()).isNotBlank();
    assertThat(sim.tokensIssued()).isEqualTo(1);
    assertThat(sim.calls("POST", "/oauth/token")).isEqualTo(1);
    assertThat(http.get("/customers").status()).isEqualTo(200);
  }

  @Test
  void token_wrongSecretOrGrant_refused() throws IOException {
    BngHttp.Result wrong = new BngHttp(sim).as("sync", "nope").token();
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.errorType()).isEqualTo("unauthorized");
    BngHttp.Result unknown = new BngHttp(sim).as("bng-client", "bng-secret").token();
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(sim.tokensIssued()).isZero();
  }

  @Test
  void api_withoutToken_401Unauthorized() throws IOException {
    BngHttp.Result r = http.execute(new Request.Builder().url(sim.apiUrl() + "/customers").build());
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorType()).isEqualTo("unauthorized");
    assertThat(r.json().at("/error/message").asText()).isNotBlank();
  }

  @Test
  void api_tokenPastExpiresIn_401ThenNewTokenWorks() throws IOException {
    assertThat(http.get("/customers").status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(10));

    BngHttp.Result expired = http.get("/customers");
    http.dropToken();
    BngHttp.Result renewed = http.get("/customers");

    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.errorType()).isEqualTo("unauthorized");
    assertThat(renewed.status()).isEqualTo(200);
    assertThat(sim.tokensIssued()).isEqualTo(2);
  }

  @Test
  void api_afterExpireOrRevokeAll_401() throws IOException {
    assertThat(http.get("/customers").status()).isEqualTo(200);
    sim.expireAllTokens();
    assertThat(http.get("/customers").status()).isEqualTo(401);

    http.dropToken();
    assertThat(http.get("/customers").status()).isEqualTo(200);
    sim.revokeAllTokens();
    assertThat(http.get("/customers").status()).isEqualTo(401);
  }
}
