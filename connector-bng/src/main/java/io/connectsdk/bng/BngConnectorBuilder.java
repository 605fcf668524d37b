package io.connectsdk.bng;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.Secret;
import io.connectsdk.core.Sleeper;
import io.connectsdk.core.resilience.ResilienceListener;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.resilience.ResiliencePolicyBuilder;
import io.connectsdk.core.spi.ConnectorListener;
import io.connectsdk.http.Auth;
import io.connectsdk.http.Endpoint;
import io.connectsdk.http.HttpOptions;
import io.connectsdk.http.JsonClient;
import io.connectsdk.http.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures a {@link BngConnector}. Not thread-safe; {@link #build()} copies, so a builder can be
 * reused.
 *
 * <p>Required: {@link #baseUrl}, {@link #clientId}, {@link #clientSecret}. Defaults: instance name
 * {@code "bng"}; 10 requests per second with a burst of 20 (the tenant's default limit); pause when
 * fewer than 2 requests remain in the server's bucket; up to 500 records per list request; batches
 * of 50 writes; tokens renewed 60 s before {@code expires_in}; sdk-http's timeouts; a retry policy
 * of 5 attempts within 2 minutes with jittered exponential backoff from 200 ms to 30 s that honours
 * {@code Retry-After}, and a circuit breaker opening after 5 failed of the last 10 calls for 30 s;
 * real clock and sleeper. HTTPS is required except for loopback hosts.
 */
public final class BngConnectorBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(BngConnector.class);
  static final double DEFAULT_RATE = 10;
  static final int DEFAULT_BURST = 20;

  private String baseUrl;
  private String clientId;
  private Secret clientSecret;
  private String system = "bng";
  private HttpOptions httpOptions = HttpOptions.defaults();
  private double rate = DEFAULT_RATE;
  private int burst = DEFAULT_BURST;
  private int quotaReserve = 2;
  private int pageSize = ChangeReader.MAX_LIMIT;
  private int maxBatchSize = 50;
  private Duration renewBefore = Duration.ofSeconds(60);
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.system();
  private UnaryOperator<ResiliencePolicyBuilder> resilience = UnaryOperator.identity();
  private boolean allowPlainHttp;

  BngConnectorBuilder() {}

  /** {@code {base}}: the token endpoint is {@code {base}/oauth/token}, the API {@code /api/v1}. */
  public BngConnectorBuilder baseUrl(String baseUrl) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl");
    return this;
  }

  /** The OAuth2 client id. */
  public BngConnectorBuilder clientId(String clientId) {
    requireNonNull(clientId, "clientId");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId is blank");
    }
    this.clientId = clientId;
    return this;
  }

  /** The OAuth2 client secret; never logged. */
  public BngConnectorBuilder clientSecret(Secret clientSecret) {
    this.clientSecret = requireNonNull(clientSecret, "clientSecret");
    return this;
  }

  /**
   * The instance name, e.g. {@code "bng-eu"} for a second tenant; it keys every checkpoint, link
   * and ledger entry of the jobs using this connector. Default {@code "bng"}.
   */
  public BngConnectorBuilder system(String system) {
    requireNonNull(system, "system");
    if (!system.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
      throw new IllegalArgumentException("system must be 1-64 letters, digits, '_', '.', '-': "
          + system);
    }
    this.system = system;
    return this;
  }

  /**
   * Timeouts, proxy, trust, concurrency and the rest of sdk-http's options; what is unset here
   * takes the connector's defaults (its rate limit, clock and sleeper included).
   */
  public BngConnectorBuilder httpOptions(HttpOptions options) {
    this.httpOptions = requireNonNull(options, "options");
    return this;
  }

  /** The tenant's request rate: {@code perSecond} with bursts of {@code burst}; default 10, 20. */
  public BngConnectorBuilder rateLimit(double perSecond, int burst) {
    if (!(perSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("need perSecond > 0 and burst >= 1: " + perSecond
          + ", " + burst);
    }
    this.rate = perSecond;
    this.burst = burst;
    return this;
  }

  /**
   * Pause the next request when fewer than {@code reserve} remain in BNG's bucket ({@code
   * X-RateLimit-Remaining}); 0 turns this off. Default 2.
   */
  public BngConnectorBuilder quotaReserve(int reserve) {
    if (reserve < 0) {
      throw new IllegalArgumentException("reserve < 0: " + reserve);
    }
    this.quotaReserve = reserve;
    return this;
  }

  /** The most records one list request asks for (1 to 500); default 500. */
  public BngConnectorBuilder pageSize(int pageSize) {
    if (pageSize < 1 || pageSize > ChangeReader.MAX_LIMIT) {
      throw new IllegalArgumentException("pageSize must be 1.." + ChangeReader.MAX_LIMIT + ": "
          + pageSize);
    }
    this.pageSize = pageSize;
    return this;
  }

  /** The most write requests one {@code write} call takes; default 50. */
  public BngConnectorBuilder maxBatchSize(int maxBatchSize) {
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize < 1: " + maxBatchSize);
    }
    this.maxBatchSize = maxBatchSize;
    return this;
  }

  /** How long before {@code expires_in} a token is renewed; default 60 s. */
  public BngConnectorBuilder renewTokensBefore(Duration renewBefore) {
    requireNonNull(renewBefore, "renewBefore");
    if (renewBefore.isNegative()) {
      throw new IllegalArgumentException("renewBefore is negative: " + renewBefore);
    }
    this.renewBefore = renewBefore;
    return this;
  }

  /** Time for pacing, token expiry and backoff; default UTC system clock. */
  public BngConnectorBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /** How pacing and backoff wait; default {@link Sleeper#system()}. */
  public BngConnectorBuilder sleeper(Sleeper sleeper) {
    this.sleeper = requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * Adjusts the connector's retry and circuit-breaker policy, starting from the defaults above
   * (with this builder's clock and sleeper), e.g. {@code p -> p.maxAttempts(3)}.
   */
  public BngConnectorBuilder resilience(UnaryOperator<ResiliencePolicyBuilder> customizer) {
    this.resilience = requireNonNull(customizer, "customizer");
    return this;
  }

  /** Allows plain HTTP to a host that is not loopback (a test rig); default false. */
  public BngConnectorBuilder allowPlainHttp(boolean allow) {
    this.allowPlainHttp = allow;
    return this;
  }

  /**
   * @throws IllegalStateException if the base URL or the credentials are missing
   * @throws IllegalArgumentException if the base URL is malformed, holds credentials, or is plain
   *     HTTP to a host that is not loopback
   */
  public BngConnector build() {
    if (baseUrl == null || clientId == null || clientSecret == null) {
      throw new IllegalStateException("baseUrl, clientId and clientSecret are required");
    }
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    Endpoint api = Endpoint.builder(base + "/api/v1/").allowPlainHttp(allowPlainHttp).build();
    HttpOptions options = httpOptions.withDefaults(HttpOptions.builder()
        .rateLimit(rate, burst).clock(clock).sleeper(sleeper).build());
    HttpUrl tokenUrl = api.url().resolve("/" + String.join("/", tokenPath(api.url())));
    TokenLogin login = new TokenLogin(system, tokenClient(options),
        options.baseClient().isEmpty(), tokenUrl, clientId, clientSecret, options.clock());
    TokenSource tokens = TokenSource.caching(login, renewBefore, options.clock());
    JsonClient json = JsonClient.builder(system, api).options(options)
        .auth(Auth.bearer(tokens)).build();
    CopyOnWriteArrayList<ConnectorListener> listeners = new CopyOnWriteArrayList<>();
    ResiliencePolicy policy = resilience.apply(ResiliencePolicy.builder().system(system)
        .clock(options.clock()).sleeper(options.sleeper()))
        .listener(new BreakerEvents(system, listeners)).build();
    ServerQuota quota = new ServerQuota(system, options.clock(), options.sleeper(), quotaReserve);
    BngHttp http = new BngHttp(json, BngErrors.table(system), quota, policy, login);
    return new BngConnector(system, http, maxBatchSize, pageSize, listeners, options.clock());
  }

  /** The path of {@code {base}/oauth/token} for an API URL of {@code {base}/api/v1/}. */
  private static List<String> tokenPath(HttpUrl apiUrl) {
    List<String> segments = new java.util.ArrayList<>(apiUrl.pathSegments());
    segments.removeIf(String::isEmpty);
    List<String> basePath = new java.util.ArrayList<>(segments.subList(0, segments.size() - 2));
    basePath.add("oauth");
    basePath.add("token");
    return basePath;
  }

  private static OkHttpClient tokenClient(HttpOptions options) {
    OkHttpClient.Builder b = options.baseClient().map(OkHttpClient::newBuilder)
        .orElseGet(OkHttpClient.Builder::new)
        .retryOnConnectionFailure(false).followRedirects(false).followSslRedirects(false)
        .connectTimeout(options.connectTimeout()).readTimeout(options.readTimeout())
        .writeTimeout(options.writeTimeout()).callTimeout(options.callTimeout());
    options.proxy().ifPresent(b::proxy);
    if (options.sslSocketFactory().isPresent()) {
      b.sslSocketFactory(options.sslSocketFactory().get(), options.trustManager().orElseThrow());
    }
    return b.build();
  }

  /** Tells the connector's listeners when its circuit breaker opens and closes. */
  private record BreakerEvents(String system, List<ConnectorListener> listeners)
      implements ResilienceListener {
    @Override
    public void onCircuitOpened(ConnectorException lastFailure) {
      for (ConnectorListener l : listeners) {
        try {
          l.circuitOpened(system, lastFailure);
        } catch (RuntimeException e) {
          LOG.warn("connector listener failed on circuitOpened", e);
        }
      }
    }

    @Override
    public void onCircuitClosed() {
      for (ConnectorListener l : listeners) {
        try {
          l.circuitClosed(system);
        } catch (RuntimeException e) {
          LOG.warn("connector listener failed on circuitClosed", e);
        }
      }
    }
  }
}
