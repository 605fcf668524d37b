package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.Json;
import io.connectsdk.core.Secret;
import io.connectsdk.core.TransientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The OAuth2 client-credentials grant: {@code POST grant_type=client_credentials} to the token URL
 * with the client's id and secret (HTTP Basic, {@code client_secret_basic}), reading {@code
 * access_token} and {@code expires_in}. Obtained from {@link TokenSource#oauth2ClientCredentials};
 * the built source caches and renews as {@link TokenSource#caching} does.
 */
public final class OAuth2ClientCredentials {
  private OAuth2ClientCredentials() {}

  static Builder builder(HttpUrl tokenUrl, String clientId, Secret clientSecret) {
    return new Builder(tokenUrl, clientId, clientSecret);
  }

  /** Configures the grant; not thread-safe. Defaults: no scope, renew 60 s early, own client. */
  public static final class Builder {
    private final HttpUrl tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private String scope;
    private Duration renewBefore = Duration.ofSeconds(60);
    private OkHttpClient client;
    private Clock clock = Clock.systemUTC();
    private String system = "oauth2";

    private Builder(HttpUrl tokenUrl, String clientId, Secret clientSecret) {
      if (tokenUrl.scheme().equals("http") && !Endpoint.isLoopback(tokenUrl.host())) {
        throw new IllegalArgumentException("the token URL must be https: " + tokenUrl.redact());
      }
      this.tokenUrl = tokenUrl;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
    }

    public Builder scope(String scope) {
      this.scope = requireNonNull(scope, "scope");
      return this;
    }

    public Builder renewBefore(Duration renewBefore) {
      this.renewBefore = requireNonNull(renewBefore, "renewBefore");
      return this;
    }

    /** The client to post with (e.g. one derived from the connector's); default a new one. */
    public Builder client(OkHttpClient client) {
      this.client = requireNonNull(client, "client");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The system name in the exceptions a failed login throws. */
    public Builder system(String system) {
      this.system = requireNonNull(system, "system");
      return this;
    }

    public TokenSource build() {
      OkHttpClient http = client != null ? client
          : new OkHttpClient.Builder().retryOnConnectionFailure(false).followRedirects(false)
              .callTimeout(Duration.ofSeconds(30)).build();
      String id = clientId;
      Secret secret = clientSecret;
      String sc = scope;
      Clock c = clock;
      String sys = system;
      HttpUrl url = tokenUrl;
      return new CachingTokenSource(() -> login(http, url, id, secret, sc, c, sys), renewBefore, c);
    }
  }

  private static Token login(OkHttpClient http, HttpUrl url, String id, Secret secret,
      String scope, Clock clock, String system) {
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    if (scope != null) {
      form.add("scope", scope);
    }
    Request request = new Request.Builder().url(url)
        .header("Authorization", Credentials.basic(id, secret.reveal(), StandardCharsets.UTF_8))
        .header("Accept", "application/json")
        .post(form.build()).build();
    Instant sent = clock.instant();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      if (response.code() == 400 || response.code() == 401 || response.code() == 403) {
        throw new AuthenticationException(system, "token request refused (HTTP "
            + response.code() + "): " + Redactor.clean(text, java.util.List.of(secret.reveal())));
      }
      if (!response.isSuccessful()) {
        throw new TransientException(system, "token request failed (HTTP " + response.code() + ")");
      }
      JsonNode body = Json.mapper().readTree(text);
      String access = body.path("access_token").asText("");
      if (access.isEmpty()) {
        throw new AuthenticationException(system, "token response has no access_token");
      }
      long expiresIn = body.path("expires_in").asLong(0);
      Instant expiresAt = expiresIn > 0 ? sent.plusSeconds(expiresIn) : Instant.MAX;
      return new Token(Secret.of(access), expiresAt);
    } catch (IOException e) {
      throw new TransientException(system, "token request failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
