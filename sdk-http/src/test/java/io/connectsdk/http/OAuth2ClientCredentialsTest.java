package io.connectsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.Secret;
import io.connectsdk.testkit.FakeClock;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class OAuth2ClientCredentialsTest {
  private final FakeClock clock = FakeClock.at("2026-01-01T00:00:00Z");

  @Test
  void token_postsClientCredentials_andCachesUntilNearExpiry() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200)
          .body("{\"access_token\":\"a1\",\"expires_in\":3600}").build());
      server.enqueue(new MockResponse.Builder().code(200)
          .body("{\"access_token\":\"a2\",\"expires_in\":3600}").build());
      server.start();
      TokenSource tokens = TokenSource.oauth2ClientCredentials(server.url("/oauth/token"), "cid",
          Secret.of("csecret")).scope("orders").clock(clock).renewBefore(Duration.ofMinutes(1))
          .build();
      assertThat(tokens.token().value().reveal()).isEqualTo("a1");
      assertThat(tokens.token().value().reveal()).isEqualTo("a1");
      RecordedRequest r = server.takeRequest();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getBody().utf8()).isEqualTo("grant_type=client_credentials&scope=orders");
      assertThat(r.getHeaders().get("Authorization")).startsWith("Basic ");
      clock.advance(Duration.ofMinutes(59).plusSeconds(1));
      assertThat(tokens.token().value().reveal()).isEqualTo("a2");
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void token_refused_isAuthenticationWithoutTheSecret() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(401)
          .body("{\"error\":\"invalid_client\",\"client_secret\":\"csecret\"}").build());
      server.start();
      TokenSource tokens = TokenSource.oauth2ClientCredentials(server.url("/t"), "cid",
          Secret.of("csecret")).clock(clock).build();
      assertThatThrownBy(tokens::token).isInstanceOf(AuthenticationException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("csecret"));
    }
  }
}
