package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import io.connectsdk.core.TransientException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's one HTTP client: Basic auth, {@code Content-Type: application/json} on every
 * request (the server answers 500 without it), at most {@code maxConcurrentRequests} calls in
 * flight (a fair semaphore around synchronous calls), and no silent re-send of a request by
 * OkHttp ({@code retryOnConnectionFailure(false)}): retries belong to the resilience policy, which
 * only repeats idempotent procedures. Thread-safe.
 */
final class SageHttp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SageHttp.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client;
  private final HttpUrl companyUrl;
  private final String authorization;
  private final Semaphore permits;

  SageHttp(Sage300Config config) {
    requireNonNull(config, "config");
    this.companyUrl = config.companyUrl();
    this.authorization =
        Credentials.basic(config.user(), config.password().reveal(), StandardCharsets.UTF_8);
    this.permits = new Semaphore(config.maxConcurrentRequests(), true);
    this.client = new OkHttpClient.Builder()
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .callTimeout(config.callTimeout())
        .connectionPool(new ConnectionPool(config.maxConcurrentRequests(), 5,
            java.util.concurrent.TimeUnit.MINUTES))
        .build();
  }

  /** {@code {company}/{MODULE}/{Resource}{keyPredicate}}; the segment is percent-encoded. */
  HttpUrl resourceUrl(Resource resource, String keyPredicate) {
    return companyUrl.newBuilder()
        .addPathSegment(resource.module())
        .addPathSegment(resource.name() + keyPredicate)
        .build();
  }

  /** Adds an OData system query option ({@code $filter}, {@code $top}) with its name unencoded. */
  static HttpUrl.Builder option(HttpUrl.Builder url, String name, String value) {
    return url.addEncodedQueryParameter(name,
        URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  SageResponse get(HttpUrl url) {
    return send("GET", url, null);
  }

  /**
   * Sends one request and returns the answer, error statuses included.
   *
   * @throws TransientException on I/O failure or timeout (the outcome of a write is then unknown)
   */
  SageResponse send(String method, HttpUrl url, ObjectNode body) {
    Request.Builder request = new Request.Builder()
        .url(url)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
    request.method(method, body == null ? null : RequestBody.create(bytes(body), JSON));
    acquire();
    try (Response response = client.newCall(request.build()).execute()) {
      LOG.debug("{} {} -> {}", method, url.encodedPath(), response.code());
      return new SageResponse(response.code(), parse(response.body()),
          retryAfter(response.header("Retry-After")));
    } catch (IOException e) {
      LOG.debug("{} {} -> I/O failure {}", method, url.encodedPath(), e.getClass().getSimpleName());
      throw new TransientException(ErrorClassifier.SYSTEM,
          method + " " + url.encodedPath() + " failed: " + e.getClass().getSimpleName() + ": "
              + e.getMessage(), e);
    } finally {
      permits.release();
    }
  }

  private void acquire() {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException(ErrorClassifier.SYSTEM, "interrupted waiting for a slot", e);
    }
  }

  private static byte[] bytes(ObjectNode body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body is not serialisable: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode parse(ResponseBody body) throws IOException {
    String text = body.string();
    if (text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance(); // an HTML error page from IIS: the status decides
    }
  }

  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Duration.ZERO;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      java.util.Date date = okhttp3.Headers.of("d", header).getDate("d");
      if (date == null) {
        return Duration.ZERO;
      }
      Duration d = Duration.between(java.time.Instant.now(), date.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
