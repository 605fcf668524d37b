package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Secret;
import io.connectsdk.core.Sleeper;
import io.connectsdk.core.resilience.ResiliencePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import io.connectsdk.http.Endpoint;
import io.connectsdk.http.HttpOptions;
import okhttp3.HttpUrl;

/**
 * Builds a {@link Sage300Connector}; get one from {@link Sage300Connector#builder()}. {@link
 * #build()} copies the settings, so a builder can be reused. Not thread-safe.
 *
 * <p>Defaults: instance name {@code sage300}, API version {@code v1.0}, page size 100, 10 writes
 * per call; HTTP ({@link #DEFAULT_HTTP}, each value overridable through {@link
 * #httpOptions(HttpOptions)}): 2 concurrent requests, timeouts 10 s connect / 60 s read and write /
 * 120 s per request, 8 MiB responses; HTTPS required except on loopback; the SDK's
 * {@code ResiliencePolicy.builder()} defaults (transient and rate-limited failures retried up to 5
 * attempts within 2 minutes, jittered exponential backoff honouring Retry-After, circuit breaker),
 * order reference field {@code OrderReference} of at most 30 characters, OData v4
 * datetime literals.
 */
public final class Sage300ConnectorBuilder {
  /** The connector's own HTTP defaults, under whatever {@link #httpOptions} leaves unset. */
  public static final HttpOptions DEFAULT_HTTP = HttpOptions.builder()
      .maxConcurrentRequests(2)
      .connectTimeout(Duration.ofSeconds(10))
      .readTimeout(Duration.ofSeconds(60))
      .writeTimeout(Duration.ofSeconds(60))
      .callTimeout(Duration.ofSeconds(120))
      .userAgent("connect-sdk-sage300")
      .build();
  private static final Pattern COMPANY = Pattern.compile("[A-Za-z0-9]{1,6}");
  private static final Pattern VERSION = Pattern.compile("v[0-9]+(\\.[0-9]+)?");

  private HttpUrl baseUrl;
  private String company;
  private String user;
  private Secret password;
  private String apiVersion = "v1.0";
  private int pageSize = 100;
  private int maxBatchSize = 10;
  private String system = SageErrors.KIND;
  private HttpOptions http = HttpOptions.defaults();
  private boolean allowInsecureHttp;
  private ResiliencePolicy resilience;
  private Sleeper sleeper = Sleeper.system();
  private Clock clock = Clock.systemUTC();
  private final Map<EntityType, String> resourcePaths = new HashMap<>();
  private final Map<EntityType, String> referenceFields = new HashMap<>();
  private final Map<EntityType, Optional<String>> changeFields = new HashMap<>();
  private int referenceMaxLength = 30;
  private boolean legacyDatetimeLiterals;
  private final Map<String, ErrorKind> errorCodes = new HashMap<>();

  Sage300ConnectorBuilder() {}

  Sage300ConnectorBuilder(Sage300Config c) {
    baseUrl = c.baseUrl();
    company = c.company();
    user = c.user();
    password = c.password();
    apiVersion = c.apiVersion();
    pageSize = c.pageSize();
    maxBatchSize = c.maxBatchSize();
    system = c.system();
    http = c.http();
    allowInsecureHttp = c.allowInsecureHttp();
    resilience = c.resilience().orElse(null);
    sleeper = c.sleeper();
    clock = c.clock();
    resourcePaths.putAll(c.resourcePaths());
    referenceFields.putAll(c.referenceFields());
    changeFields.putAll(c.changeFields());
    referenceMaxLength = c.referenceMaxLength();
    legacyDatetimeLiterals = c.legacyDatetimeLiterals();
    errorCodes.putAll(c.errorCodes());
  }

  /**
   * The server root, e.g. {@code https://erp.example.com/}; the Web API path is added. A URL that
   * already holds it ({@code .../Sage300WebApi/v1.0/-/SAMINC}) is cut back to the part before
   * {@code Sage300WebApi}, so the path is never doubled.
   */
  public Sage300ConnectorBuilder baseUrl(HttpUrl baseUrl) {
    requireNonNull(baseUrl, "baseUrl");
    if (!baseUrl.username().isEmpty() || !baseUrl.password().isEmpty()) {
      throw new IllegalArgumentException("baseUrl must not carry credentials; use user/password");
    }
    this.baseUrl = baseUrl;
    return this;
  }

  /** The Sage 300 company (org id), e.g. {@code SAMINC}. */
  public Sage300ConnectorBuilder company(String company) {
    requireNonNull(company, "company");
    if (!COMPANY.matcher(company).matches()) {
      throw new IllegalArgumentException("company must be 1-6 letters or digits: " + company);
    }
    this.company = company.toUpperCase(java.util.Locale.ROOT);
    return this;
  }

  /** The Sage 300 user; it needs the "Sage 300 Web API" security right. */
  public Sage300ConnectorBuilder user(String user) {
    requireNonNull(user, "user");
    if (user.isBlank() || user.contains(":")) {
      throw new IllegalArgumentException("user must be non-blank and contain no ':'");
    }
    this.user = user;
    return this;
  }

  public Sage300ConnectorBuilder password(Secret password) {
    this.password = requireNonNull(password, "password");
    return this;
  }

  /** The API version path segment; default {@code v1.0}. */
  public Sage300ConnectorBuilder apiVersion(String apiVersion) {
    requireNonNull(apiVersion, "apiVersion");
    if (!VERSION.matcher(apiVersion).matches()) {
      throw new IllegalArgumentException("apiVersion must look like v1.0: " + apiVersion);
    }
    this.apiVersion = apiVersion;
    return this;
  }

  /** Records per request ({@code $top}); default 100, at most 1000. */
  public Sage300ConnectorBuilder pageSize(int pageSize) {
    this.pageSize = range("pageSize", pageSize, 1, 1000);
    return this;
  }

  /**
   * The instance name: keys all stored state and names the connector in exceptions and logs, so
   * two companies of one ERP never collide. Default {@code sage300}.
   */
  public Sage300ConnectorBuilder system(String system) {
    requireNonNull(system, "system");
    if (system.isBlank()) {
      throw new IllegalArgumentException("system must not be blank");
    }
    this.system = system;
    return this;
  }

  /**
   * The shared HTTP options (timeouts, concurrency and rate limits, proxy, TLS trust, a host
   * client to share a pool with, response size cap); unset values keep {@link #DEFAULT_HTTP}.
   */
  public Sage300ConnectorBuilder httpOptions(HttpOptions options) {
    this.http = requireNonNull(options, "options");
    return this;
  }

  /**
   * The most HTTP requests in flight at once, across all threads, and the number of a batch's
   * records written concurrently; default 2. Same as {@code httpOptions(...maxConcurrentRequests)}.
   */
  public Sage300ConnectorBuilder maxConcurrentRequests(int max) {
    this.http = http.toBuilder().maxConcurrentRequests(range("maxConcurrentRequests", max, 1, 64))
        .build();
    return this;
  }

  /** The most write requests one {@code write} call takes (sent one by one); default 10. */
  public Sage300ConnectorBuilder maxBatchSize(int max) {
    this.maxBatchSize = range("maxBatchSize", max, 1, 1000);
    return this;
  }

  /** Allows plain HTTP to a non-loopback host (credentials travel in clear!); default false. */
  public Sage300ConnectorBuilder allowInsecureHttp(boolean allow) {
    this.allowInsecureHttp = allow;
    return this;
  }

  /** The retry/circuit policy around every read call and every per-record write procedure. */
  public Sage300ConnectorBuilder resiliencePolicy(ResiliencePolicy policy) {
    this.resilience = requireNonNull(policy, "policy");
    return this;
  }

  /** How the default policy and the HTTP rate limit wait; tests pass a fake clock. */
  public Sage300ConnectorBuilder sleeper(Sleeper sleeper) {
    this.sleeper = requireNonNull(sleeper, "sleeper");
    return this;
  }

  /** The default policy's clock (retry budget, circuit breaker) and the HTTP options' clock. */
  public Sage300ConnectorBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /** Serves {@code type} from another resource, e.g. {@code IC/ICLocationDetails}. */
  public Sage300ConnectorBuilder resource(EntityType type, String modulePath) {
    requireNonNull(type, "type");
    ResourceTable.checkPath(requireNonNull(modulePath, "modulePath"));
    resourcePaths.put(type, modulePath);
    return this;
  }

  /** The field that stores the source reference of orders and batches (orders: {@code OrderReference}). */
  public Sage300ConnectorBuilder referenceField(EntityType type, String field) {
    requireNonNull(type, "type");
    ResourceTable.checkField(requireNonNull(field, "field"));
    referenceFields.put(type, field);
    return this;
  }

  /** The date field incremental reads of {@code type} filter on; empty string: full reads. */
  public Sage300ConnectorBuilder changeField(EntityType type, String field) {
    requireNonNull(type, "type");
    requireNonNull(field, "field");
    if (!field.isEmpty()) {
      ResourceTable.checkField(field);
    }
    changeFields.put(type, field.isEmpty() ? Optional.empty() : Optional.of(field));
    return this;
  }

  /** The longest stored reference; longer source references are shortened deterministically. */
  public Sage300ConnectorBuilder referenceMaxLength(int max) {
    this.referenceMaxLength = range("referenceMaxLength", max, 16, 250);
    return this;
  }

  /** Writes datetimes in filters as {@code datetime'...'} (OData v3) instead of bare v4 form. */
  public Sage300ConnectorBuilder legacyDatetimeLiterals(boolean legacy) {
    this.legacyDatetimeLiterals = legacy;
    return this;
  }

  /** Classifies Sage error {@code code} as {@code kind}, overriding the built-in table. */
  public Sage300ConnectorBuilder errorCode(String code, ErrorKind kind) {
    errorCodes.put(requireNonNull(code, "code"), requireNonNull(kind, "kind"));
    return this;
  }

  /**
   * Builds the connector.
   *
   * @throws IllegalStateException if base URL, company, user or password is missing, or the URL is
   *     plain HTTP to a non-loopback host without {@link #allowInsecureHttp(boolean)}
   */
  public Sage300Connector build() {
    return new Sage300Connector(config());
  }

  Sage300Config config() {
    requireState(baseUrl != null, "baseUrl");
    requireState(company != null, "company");
    requireState(user != null, "user");
    requireState(password != null, "password");
    if (!baseUrl.isHttps() && !allowInsecureHttp && !Endpoint.isLoopback(baseUrl.host())) {
      throw new IllegalStateException("baseUrl " + baseUrl.host() + " is plain HTTP: use HTTPS "
          + "or allowInsecureHttp(true)");
    }
    HttpOptions options = http.withDefaults(DEFAULT_HTTP.toBuilder().clock(clock).sleeper(sleeper)
        .build());
    return new Sage300Config(baseUrl, company, user, password, apiVersion, pageSize,
        maxBatchSize, system, options, allowInsecureHttp, Optional.ofNullable(resilience), sleeper,
        clock, resourcePaths, referenceFields, changeFields, referenceMaxLength, legacyDatetimeLiterals, errorCodes);
  }

  private static void requireState(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what + " is not set");
    }
  }

  private static int range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ": " + value);
    }
    return value;
  }
}
