package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Sleeper;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The HTTP settings every connector builder accepts as one value: timeouts, per-request
 * concurrency and rate limits, user agent, proxy, custom TLS trust, response size cap, and
 * optionally a host-supplied {@link OkHttpClient} to derive from (so several connectors share one
 * connection pool and dispatcher). Immutable and thread-safe.
 *
 * <p>A setting that was never set is <em>unset</em>: {@link #withDefaults(HttpOptions)} fills it
 * from a connector's own defaults, so {@code HttpOptions.builder().userAgent("acme/1").build()}
 * keeps, say, Sage 300's limit of 2 concurrent requests. Getters return the value after the
 * SDK-wide defaults: connect 10 s, read 30 s, write 30 s, call 60 s, no concurrency limit, no rate
 * limit, user agent {@code connect-sdk}, direct connection, system trust store, 8 MiB responses,
 * real clock and sleeper.
 *
 * <pre>{@code
 * HttpOptions options = HttpOptions.builder()
 *     .callTimeout(Duration.ofSeconds(20))
 *     .rateLimit(10, 20)            // 10 requests per second, bursts of 20
 *     .maxConcurrentRequests(4)
 *     .build();
 * }</pre>
 */
public final class HttpOptions {
  /** Default response size cap: 8 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L << 20;

  private static final HttpOptions EMPTY = new Builder().build();

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration callTimeout;
  private final Integer maxConcurrentRequests;
  private final Double requestsPerSecond;
  private final Integer burst;
  private final String userAgent;
  private final Proxy proxy;
  private final SSLSocketFactory sslSocketFactory;
  private final X509TrustManager trustManager;
  private final OkHttpClient baseClient;
  private final Long maxResponseBytes;
  private final String rateLimitResetHeader;
  private final Clock clock;
  private final Sleeper sleeper;

  private HttpOptions(Builder b) {
    connectTimeout = b.connectTimeout;
    readTimeout = b.readTimeout;
    writeTimeout = b.writeTimeout;
    callTimeout = b.callTimeout;
    maxConcurrentRequests = b.maxConcurrentRequests;
    requestsPerSecond = b.requestsPerSecond;
    burst = b.burst;
    userAgent = b.userAgent;
    proxy = b.proxy;
    sslSocketFactory = b.sslSocketFactory;
    trustManager = b.trustManager;
    baseClient = b.baseClient;
    maxResponseBytes = b.maxResponseBytes;
    rateLimitResetHeader = b.rateLimitResetHeader;
    clock = b.clock;
    sleeper = b.sleeper;
  }

  /** Options with every setting unset (so all SDK-wide defaults). */
  public static HttpOptions defaults() {
    return EMPTY;
  }

  /** A builder with every setting unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * These options, with every unset setting taken from {@code fallback}; this is how a connector
   * layers the user's options over its own defaults.
   */
  public HttpOptions withDefaults(HttpOptions fallback) {
    requireNonNull(fallback, "fallback");
    Builder b = new Builder(this);
    b.connectTimeout = or(connectTimeout, fallback.connectTimeout);
    b.readTimeout = or(readTimeout, fallback.readTimeout);
    b.writeTimeout = or(writeTimeout, fallback.writeTimeout);
    b.callTimeout = or(callTimeout, fallback.callTimeout);
    b.maxConcurrentRequests = or(maxConcurrentRequests, fallback.maxConcurrentRequests);
    if (requestsPerSecond == null) {
      b.requestsPerSecond = fallback.requestsPerSecond;
      b.burst = fallback.burst;
    }
    b.userAgent = or(userAgent, fallback.userAgent);
    b.proxy = or(proxy, fallback.proxy);
    if (sslSocketFactory == null) {
      b.sslSocketFactory = fallback.sslSocketFactory;
      b.trustManager = fallback.trustManager;
    }
    b.baseClient = or(baseClient, fallback.baseClient);
    b.maxResponseBytes = or(maxResponseBytes, fallback.maxResponseBytes);
    b.rateLimitResetHeader = or(rateLimitResetHeader, fallback.rateLimitResetHeader);
    b.clock = or(clock, fallback.clock);
    b.sleeper = or(sleeper, fallback.sleeper);
    return b.build();
  }

  public Duration connectTimeout() {
    return or(connectTimeout, Duration.ofSeconds(10));
  }

  public Duration readTimeout() {
    return or(readTimeout, Duration.ofSeconds(30));
  }

  public Duration writeTimeout() {
    return or(writeTimeout, Duration.ofSeconds(30));
  }

  /** Whole-call timeout of one HTTP request (connect, write, server time, read). */
  public Duration callTimeout() {
    return or(callTimeout, Duration.ofSeconds(60));
  }

  /** Maximum HTTP requests in flight at once; 0 means unlimited. */
  public int maxConcurrentRequests() {
    return or(maxConcurrentRequests, 0);
  }

  /** Requests per second of the token bucket; 0 means no rate limit. */
  public double requestsPerSecond() {
    return or(requestsPerSecond, 0.0);
  }

  /** Bucket size of the rate limit; 0 when there is no rate limit. */
  public int burst() {
    return or(burst, 0);
  }

  public String userAgent() {
    return or(userAgent, "connect-sdk");
  }

  public Optional<Proxy> proxy() {
    return Optional.ofNullable(proxy);
  }

  public Optional<SSLSocketFactory> sslSocketFactory() {
    return Optional.ofNullable(sslSocketFactory);
  }

  public Optional<X509TrustManager> trustManager() {
    return Optional.ofNullable(trustManager);
  }

  /** The host's client to derive from with {@code newBuilder()}, sharing its pool. */
  public Optional<OkHttpClient> baseClient() {
    return Optional.ofNullable(baseClient);
  }

  /** Largest response body read; a larger one fails the request instead of exhausting memory. */
  public long maxResponseBytes() {
    return or(maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES);
  }

  /**
   * A response header that says when the remote's rate-limit window resets (seconds from now, or
   * epoch seconds if larger than 10^9), read on 429 answers besides Retry-After; empty if none.
   */
  public Optional<String> rateLimitResetHeader() {
    return Optional.ofNullable(rateLimitResetHeader);
  }

  public Clock clock() {
    return or(clock, Clock.systemUTC());
  }

  public Sleeper sleeper() {
    return or(sleeper, Sleeper.system());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpOptions h && Objects.equals(connectTimeout, h.connectTimeout)
        && Objects.equals(readTimeout, h.readTimeout) && Objects.equals(writeTimeout, h.writeTimeout)
        && Objects.equals(callTimeout, h.callTimeout)
        && Objects.equals(maxConcurrentRequests, h.maxConcurrentRequests)
        && Objects.equals(requestsPerSecond, h.requestsPerSecond) && Objects.equals(burst, h.burst)
        && Objects.equals(userAgent, h.userAgent) && Objects.equals(proxy, h.proxy)
        && sslSocketFactory == h.sslSocketFactory && trustManager == h.trustManager
        && baseClient == h.baseClient && Objects.equals(maxResponseBytes, h.maxResponseBytes)
        && Objects.equals(rateLimitResetHeader, h.rateLimitResetHeader)
        && clock == h.clock && sleeper == h.sleeper;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectTimeout, readTimeout, writeTimeout, callTimeout,
        maxConcurrentRequests, requestsPerSecond, burst, userAgent, maxResponseBytes);
  }

  @Override
  public String toString() {
    return "HttpOptions[callTimeout=" + callTimeout() + ", maxConcurrentRequests="
        + maxConcurrentRequests() + ", requestsPerSecond=" + requestsPerSecond() + ", burst="
        + burst() + ", maxResponseBytes=" + maxResponseBytes() + "]";
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  /** Builds {@link HttpOptions}; not thread-safe; {@link #build()} copies. */
  public static final class Builder {
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private Duration callTimeout;
    private Integer maxConcurrentRequests;
    private Double requestsPerSecond;
    private Integer burst;
    private String userAgent;
    private Proxy proxy;
    private SSLSocketFactory sslSocketFactory;
    private X509TrustManager trustManager;
    private OkHttpClient baseClient;
    private Long maxResponseBytes;
    private String rateLimitResetHeader;
    private Clock clock;
    private Sleeper sleeper;

    private Builder() {}

    private Builder(HttpOptions o) {
      connectTimeout = o.connectTimeout;
      readTimeout = o.readTimeout;
      writeTimeout = o.writeTimeout;
      callTimeout = o.callTimeout;
      maxConcurrentRequests = o.maxConcurrentRequests;
      requestsPerSecond = o.requestsPerSecond;
      burst = o.burst;
      userAgent = o.userAgent;
      proxy = o.proxy;
      sslSocketFactory = o.sslSocketFactory;
      trustManager = o.trustManager;
      baseClient = o.baseClient;
      maxResponseBytes = o.maxResponseBytes;
      rateLimitResetHeader = o.rateLimitResetHeader;
      clock = o.clock;
      sleeper = o.sleeper;
    }

    public Builder connectTimeout(Duration timeout) {
      connectTimeout = positive(timeout, "timeout");
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      readTimeout = positive(timeout, "timeout");
      return this;
    }

    public Builder writeTimeout(Duration timeout) {
      writeTimeout = positive(timeout, "timeout");
      return this;
    }

    /** Timeout of one whole HTTP request; what used to be the policy's attempt timeout. */
    public Builder callTimeout(Duration timeout) {
      callTimeout = positive(timeout, "timeout");
      return this;
    }

    /** At most this many HTTP requests in flight; others wait their turn (fair). */
    public Builder maxConcurrentRequests(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests < 1: " + max);
      }
      maxConcurrentRequests = max;
      return this;
    }

    /** No concurrency limit, even if the connector's defaults have one. */
    public Builder unlimitedConcurrentRequests() {
      maxConcurrentRequests = 0;
      return this;
    }

    /** A token bucket per HTTP request: {@code burst} at once, refilled at {@code perSecond}. */
    public Builder rateLimit(double perSecond, int burst) {
      if (!(perSecond > 0.0) || perSecond > 1e9) {
        throw new IllegalArgumentException("perSecond must be in (0, 1e9]: " + perSecond);
      }
      if (burst < 1) {
        throw new IllegalArgumentException("burst < 1: " + burst);
      }
      requestsPerSecond = perSecond;
      this.burst = burst;
      return this;
    }

    /** No rate limit, even if the connector's defaults have one. */
    public Builder noRateLimit() {
      requestsPerSecond = 0.0;
      burst = 0;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = requireNonNull(userAgent, "userAgent");
      return this;
    }

    public Builder proxy(Proxy proxy) {
      this.proxy = requireNonNull(proxy, "proxy");
      return this;
    }

    /** Trust for a server with a certificate from an internal CA (an on-premise ERP). */
    public Builder trust(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
      this.sslSocketFactory = requireNonNull(socketFactory, "socketFactory");
      this.trustManager = requireNonNull(trustManager, "trustManager");
      return this;
    }

    /** Derive the connector's client from this one ({@code newBuilder()}), sharing its pool. */
    public Builder baseClient(OkHttpClient client) {
      this.baseClient = requireNonNull(client, "client");
      return this;
    }

    public Builder maxResponseBytes(long max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxResponseBytes < 1: " + max);
      }
      maxResponseBytes = max;
      return this;
    }

    /** See {@link HttpOptions#rateLimitResetHeader()}. */
    public Builder rateLimitResetHeader(String header) {
      this.rateLimitResetHeader = requireNonNull(header, "header");
      return this;
    }

    /** Time source for the rate limit, Retry-After dates, token expiry and durations in logs. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** How rate-limit waits happen; a fake clock that advances makes tests instant. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    public HttpOptions build() {
      return new HttpOptions(this);
    }

    private static Duration positive(Duration d, String name) {
      requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be > 0: " + d);
      }
      return d;
    }
  }
}
