package io.connectsdk.simulators.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain HTTP client for the simulator tests: Basic auth and JSON content type by default. */
final class SimHttp {
  static final MediaType JSON = MediaType.get("application/json");

  /**
   * One answer.
   *
   * @param status HTTP status
   * @param text raw body
   * @param response the response (for headers)
   */
  record Result(int status, String text, Response response) {
    JsonNode json() {
      try {
        return SimJson.MAPPER.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String errorCode() {
      return json().path("error").path("code").asText();
    }

    String header(String name) {
      return response.header(name);
    }
  }

  final OkHttpClient client =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .readTimeout(30, TimeUnit.SECONDS)
          .build();
  private final String base;
  private String credentials = Credentials.basic("WEBAPI", "WEBAPI");
  private boolean contentType = true;

  SimHttp(Sage300Simulator sim) {
    this.base = sim.baseUrl() + "/Sage300WebApi/v1.0/-/SAMINC/";
  }

  SimHttp as(String user, String password) {
    credentials = user == null ? null : Credentials.basic(user, password);
    return this;
  }

  SimHttp withoutContentType() {
    contentType = false;
    return this;
  }

  /** {@code path} is relative to the company, e.g. {@code AR/ARCustomers?$top=1}. */
  Result get(String path) throws IOException {
    return call("GET", path, null);
  }

  Result post(String path, String json) throws IOException {
    return call("POST", path, json);
  }

  Result patch(String path, String json) throws IOException {
    return call("PATCH", path, json);
  }

  Result put(String path, String json) throws IOException {
    return call("PUT", path, json);
  }

  Result delete(String path) throws IOException {
    return call("DELETE", path, null);
  }

  Result call(String method, String path, String json) throws IOException {
    return absolute(method, path.startsWith("http") ? path : base + path, json);
  }

  Request request(String method, String url, String json) {
    Request.Builder b = new Request.Builder().url(url);
    if (credentials != null) {
      b.header("Authorization", credentials);
    }
    if (contentType) {
      b.header("Content-Type", "application/json");
    }
    return b.method(method, json == null ? null : RequestBody.create(json, JSON)).build();
  }

  private Result absolute(String method, String url, String json) throws IOException {
    try (Response r = client.newCall(request(method, url, json)).execute()) {
      return new Result(r.code(), r.body().string(), r);
    }
  }
}
