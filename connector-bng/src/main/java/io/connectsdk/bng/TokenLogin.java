package io.connectsdk.bng;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.Json;
import io.connectsdk.core.Secret;
import io.connectsdk.core.TransientException;
import io.connectsdk.http.Redactor;
import io.connectsdk.http.Token;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One BNG login: {@code POST {base}/oauth/token} with the form {@code grant_type=client_credentials
 * &client_id&client_secret} (bng.md puts the credentials in the form, not in a Basic header).
 * Wrapped by sdk-http's caching {@link io.connectsdk.http.TokenSource}, which renews ahead of
 * {@code expires_in} and makes one login serve all callers. Thread-safe.
 */
final class TokenLogin implements Supplier<Token> {
  private final String system;
  private final OkHttpClient http;
  private final HttpUrl tokenUrl;
  private final String clientId;
  private final Secret clientSecret;
  private final Clock clock;
  private final AtomicLong sent = new AtomicLong();
  private final boolean ownsClient;

  TokenLogin(String system, OkHttpClient http, boolean ownsClient, HttpUrl tokenUrl,
      String clientId, Secret clientSecret, Clock clock) {
    this.system = system;
    this.ownsClient = ownsClient;
    this.http = http;
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
  }

  /** Releases the token client's connections, unless the host supplied the client. */
  void close() {
    if (ownsClient) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Token requests sent so far. */
  long requestsSent() {
    return sent.get();
  }

  @Override
  public Token get() {
    Request request = new Request.Builder().url(tokenUrl).header("Accept", "application/json")
        .post(new FormBody.Builder().add("grant_type", "client_credentials")
            .add("client_id", clientId).add("client_secret", clientSecret.reveal()).build())
        .build();
    Instant sentAt = clock.instant();
    sent.incrementAndGet();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      if (response.code() == 400 || response.code() == 401 || response.code() == 403) {
        throw new AuthenticationException(system, "token request refused (HTTP "
            + response.code() + "): " + Redactor.clean(text, List.of(clientSecret.reveal())));
      }
      if (!response.isSuccessful()) {
        throw new TransientException(system, "token request failed (HTTP " + response.code() + ")");
      }
      JsonNode body = Json.mapper().readTree(text);
      String access = body == null ? "" : body.path("access_token").asText("");
      if (access.isEmpty()) {
        throw new AuthenticationException(system, "token response has no access_token");
      }
      long expiresIn = body.path("expires_in").asLong(0);
      return new Token(Secret.of(access), expiresIn > 0 ? sentAt.plusSeconds(expiresIn)
          : Instant.MAX);
    } catch (IOException e) {
      throw new TransientException(system, "token request failed: "
          + e.getClass().getSimpleName(), e);
    }
  }
}
