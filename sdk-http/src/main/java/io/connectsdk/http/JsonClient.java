package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.connectsdk.core.Json;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.TransientException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * A connector's one HTTP client: JSON in and out against one {@link Endpoint}, with the {@link
 * HttpOptions}' timeouts and per-request limits, an {@link Auth}, a response size cap, and counts
 * of the real HTTP requests sent. OkHttp's {@code retryOnConnectionFailure} and redirects are off:
 * a write is never re-sent below the connector's own retry policy. Thread-safe; share one per
 * connector (one connection pool).
 *
 * <p>Outcomes: any HTTP status is a {@link JsonResponse} (classify errors with an {@link
 * ErrorTable}); an I/O failure or timeout is a {@link TransientException} (a write's outcome is
 * then unknown); a body over {@link HttpOptions#maxResponseBytes()} is a {@link
 * PermanentException}; a 2xx whose body is not JSON (an HTML page from a proxy) is a {@link
 * TransientException}, never an empty success. A 429 pauses every request of this client until its
 * Retry-After (or the configured rate-limit reset header) has passed. Logs (DEBUG) carry method,
 * path, status and duration only.
 *
 * <pre>{@code
 * JsonClient http = JsonClient.builder("bng", Endpoint.of("https://api.bng.example/v2/"))
 *     .options(HttpOptions.builder().rateLimit(10, 20).build())
 *     .auth(Auth.bearer(tokens))
 *     .build();
 * JsonResponse r = http.get(http.endpoint().url("orders"));
 * }</pre>
 */
public final class JsonClient implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectReader READER = Json.mapper().reader().with(SafeNodes.INSTANCE);

  private final String system;
  private final Endpoint endpoint;
  private final HttpOptions options;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final RequestLimiter limiter;
  private final RequestLog log;
  private final List<String> secrets;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JsonClient(Builder b) {
    this.system = b.system;
    this.endpoint = b.endpoint;
    this.options = b.options;
    this.limiter = new RequestLimiter(system, options);
    this.log = new RequestLog(system, limiter, options);
    this.secrets = List.copyOf(b.auth.secrets());
    OkHttpClient.Builder ok = options.baseClient().map(OkHttpClient::newBuilder)
        .orElseGet(OkHttpClient.Builder::new);
    this.ownsClient = options.baseClient().isEmpty();
    ok.retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.writeTimeout())
        .callTimeout(options.callTimeout());
    if (ownsClient && options.maxConcurrentRequests() > 0) {
      ok.connectionPool(new ConnectionPool(options.maxConcurrentRequests(), 5,
          java.util.concurrent.TimeUnit.MINUTES));
    }
    options.proxy().ifPresent(ok::proxy);
    if (options.sslSocketFactory().isPresent()) {
      ok.sslSocketFactory(options.sslSocketFactory().get(), options.trustManager().orElseThrow());
    }
    String userAgent = options.userAgent();
    Map<String, String> headers = Map.copyOf(b.headers);
    ok.addInterceptor(chain -> {
      Request.Builder r = chain.request().newBuilder().header("User-Agent", userAgent);
      headers.forEach(r::header);
      return chain.proceed(r.build());
    });
    ok.addInterceptor(b.auth.interceptor(endpoint));
    ok.addInterceptor(log);
    this.client = ok.build();
  }

  /** A builder for a client of {@code endpoint}; {@code system} names it in exceptions and logs. */
  public static Builder builder(String system, Endpoint endpoint) {
    return new Builder(requireNonNull(system, "system"), requireNonNull(endpoint, "endpoint"));
  }

  public String system() {
    return system;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** The options in force (after the connector's defaults). */
  public HttpOptions options() {
    return options;
  }

  /** {@code GET url}. */
  public JsonResponse get(HttpUrl url) {
    return send("GET", url, null);
  }

  /**
   * Sends one request with {@code body} as JSON ({@code null}: no body) and reads the answer.
   *
   * @throws IllegalStateException after {@link #close()}
   * @throws PermanentException if {@code url} is not the endpoint's origin, or the body is too big
   * @throws TransientException on I/O failure, timeout, or a 2xx with a non-JSON body
   */
  public JsonResponse send(String method, HttpUrl url, JsonNode body) {
    return send(method, url, body, Map.of());
  }

  /**
   * Like {@link #send(String, HttpUrl, JsonNode)} with headers for this request only, e.g.
   * {@code Idempotency-Key} or {@code If-Match}.
   */
  public JsonResponse send(String method, HttpUrl url, JsonNode body, Map<String, String> headers) {
    requireNonNull(method, "method");
    requireNonNull(headers, "headers");
    requireNonNull(url, "url");
    if (closed.get()) {
      throw new IllegalStateException(system + " client is closed");
    }
    endpoint.requireSameOrigin(url, system);
    Request.Builder rb = new Request.Builder().url(url).header("Accept", "application/json")
        .method(method, body == null ? null : RequestBody.create(bytes(body), JSON));
    headers.forEach(rb::header);
    Request request = rb.build();
    String what = method + " " + url.encodedPath();
    limiter.acquire();
    log.startCall();
    try (Response response = client.newCall(request).execute()) {
      Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), options.clock());
      if (response.code() == 429) {
        pauseAfter429(response, retryAfter);
      }
      return read(method, url.encodedPath(), response, retryAfter);
    } catch (IOException e) {
      if (closed.get()) {
        throw new IllegalStateException(system + " client is closed", e);
      }
      throw new TransientException(system, what + " failed: " + e.getClass().getSimpleName()
          + ": " + Redactor.clean(e.getMessage(), secrets), e);
    } finally {
      limiter.release();
    }
  }

  /** Real HTTP requests sent so far (auth replays included). */
  public long requestsSent() {
    return log.total();
  }

  /**
   * Requests sent so far by {@code METHOD route}, where the route is the path with key predicates
   * and numeric segments collapsed ({@code PATCH /api/AR/ARCustomers(..)}, {@code GET /orders/{id}}).
   */
  public Map<String, Long> requestCounts() {
    return new LinkedHashMap<>(log.counts());
  }

  /** Releases the connection pool and threads (not a host-supplied client's); idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /** True after {@link #close()}. */
  public boolean isClosed() {
    return closed.get();
  }

  private void pauseAfter429(Response response, Duration retryAfter) {
    Instant now = options.clock().instant();
    Instant until = now.plus(retryAfter);
    if (options.rateLimitResetHeader().isPresent()) {
      String v = response.header(options.rateLimitResetHeader().get());
      if (v != null && v.trim().chars().allMatch(Character::isDigit) && !v.isBlank()
          && v.trim().length() < 13) {
        long n = Long.parseLong(v.trim());
        Instant reset = n > 1_000_000_000L ? Instant.ofEpochSecond(n) : now.plusSeconds(n);
        if (reset.isAfter(until) && reset.isBefore(now.plus(Duration.ofDays(1)))) {
          until = reset;
        }
      }
    }
    if (until.isAfter(now)) {
      limiter.pauseUntil(until);
    }
  }

  private JsonResponse read(String method, String path, Response response, Duration retryAfter)
      throws IOException {
    byte[] bytes = boundedBytes(method, path, response.body());
    Headers headers = response.headers();
    JsonNode node = MissingNode.getInstance();
    boolean json = false;
    if (!isBlank(bytes)) {
      try {
        node = READER.readTree(bytes);
        json = node != null && !node.isMissingNode();
        if (node == null) {
          node = MissingNode.getInstance();
        }
      } catch (JsonProcessingException | IllegalArgumentException e) {
        if (response.isSuccessful()) {
          throw new TransientException(system, method + " " + path + " answered HTTP "
              + response.code() + " with a body that is not JSON ("
              + response.header("Content-Type", "no content type") + "); not taken as success");
        }
      }
    }
    return new JsonResponse(method, path, response.code(), headers, node, json, retryAfter,
        secrets);
  }

  private byte[] boundedBytes(String method, String path, ResponseBody body) throws IOException {
    long cap = options.maxResponseBytes();
    if (body.contentLength() > cap) {
      throw tooLarge(method, path, cap);
    }
    BufferedSource source = body.source();
    if (source.request(cap + 1)) {
      throw tooLarge(method, path, cap);
    }
    return source.getBuffer().readByteArray();
  }

  private PermanentException tooLarge(String method, String path, long cap) {
    return new PermanentException(system, method + " " + path + ": response body larger than "
        + cap + " bytes (HttpOptions.maxResponseBytes); not read");
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body is not serialisable: " + e.getOriginalMessage(), e);
    }
  }

  /** Builds a {@link JsonClient}; not thread-safe. Defaults: SDK-wide options, no auth. */
  public static final class Builder {
    private final String system;
    private final Endpoint endpoint;
    private HttpOptions options = HttpOptions.defaults();
    private Auth auth = Auth.none();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(String system, Endpoint endpoint) {
      this.system = system;
      this.endpoint = endpoint;
    }

    /** The options; layer the user's over the connector's with {@link HttpOptions#withDefaults}. */
    public Builder options(HttpOptions options) {
      this.options = requireNonNull(options, "options");
      return this;
    }

    public Builder auth(Auth auth) {
      this.auth = requireNonNull(auth, "auth");
      return this;
    }

    /** A header on every request (e.g. Sage 300's {@code Content-Type} even on GET). */
    public Builder header(String name, String value) {
      headers.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    public JsonClient build() {
      return new JsonClient(this);
    }
  }
}
