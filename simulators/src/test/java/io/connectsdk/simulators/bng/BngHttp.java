package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain HTTP client for the BNG simulator tests: fetches a token, sends JSON with it. */
final class BngHttp {
  static final MediaType JSON = MediaType.get("application/json");

  /** One answer. */
  record Result(int status, String text, Response response) {
    JsonNode json() {
      try {
        return BngJson.MAPPER.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String errorType() {
      return json().path("error").path("type").asText();
    }

    String header(String name) {
      return response.header(name);
    }
  }

  final OkHttpClient client = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .readTimeout(30, TimeUnit.SECONDS)
      .build();
  private final BngSimulator sim;
  private String clientId = "bng-client";
  private String secret = "bng-secret";
  private String token;

  BngHttp(BngSimulator sim) {
    this.sim = sim;
  }

  BngHttp as(String clientId, String secret) {
    this.clientId = clientId;
    this.secret = secret;
    this.token = null;
    return this;
  }

  Result token() throws IOException {
    FormBody form = new FormBody.Builder().add("grant_type", "client_credentials")
        .add("client_id", clientId).add("client_secret", secret).build();
    Result r = execute(new Request.Builder().url(sim.tokenUrl()).post(form).build());
    if (r.status() == 200) {
      token = r.json().get("access_token").asText();
    }
    return r;
  }

  /** Forgets the token so the next call fetches a new one. */
  void dropToken() {
    token = null;
  }

  /** {@code path} is relative to {@code /api/v1}, e.g. {@code /customers?limit=5}. */
  Result get(String path) throws IOException {
    return call("GET", path, null, null, null);
  }

  Result post(String path, String json) throws IOException {
    return call("POST", path, json, null, null);
  }

  Result post(String path, String json, String idempotencyKey) throws IOException {
    return call("POST", path, json, idempotencyKey, null);
  }

  Result patch(String path, String json, String ifMatch) throws IOException {
    return call("PATCH", path, json, null, ifMatch);
  }

  Result put(String path, String json) throws IOException {
    return call("PUT", path, json, null, null);
  }

  Result call(String method, String path, String json, String idempotencyKey, String ifMatch)
      throws IOException {
    if (token == null) {
      token();
    }
    Request.Builder b = new Request.Builder().url(sim.apiUrl() + path)
        .header("Authorization", "Bearer " + token);
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    b.method(method, json == null ? null : RequestBody.create(json, JSON));
    return execute(b.build());
  }

  Result execute(Request request) throws IOException {
    try (Response r = client.newCall(request).execute()) {
      return new Result(r.code(), r.body().string(), r);
    }
  }
}
