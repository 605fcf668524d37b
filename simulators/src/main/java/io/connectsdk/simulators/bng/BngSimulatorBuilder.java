package io.connectsdk.simulators.bng;

import static java.util.Objects.requireNonNull;

import io.connectsdk.simulators.base.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration of a {@link BngSimulator}; {@link #build()} copies, so a builder is reusable.
 * Defaults: system UTC clock; seed 42; one client {@code bng-client} / {@code bng-secret} (the
 * defaults are dropped once {@link #client} is called); tokens live 3600 s; 10 requests per
 * second with a burst of 20 per tenant; page size 100; latency waited out with
 * {@link Thread#sleep}.
 */
public final class BngSimulatorBuilder {
  private final Map<String, String> clients = new LinkedHashMap<>();
  private Clock clock = Clock.systemUTC();
  private long seed = 42;
  private Duration tokenTtl = Duration.ofHours(1);
  private double ratePerSecond = 10;
  private int burst = 20;
  private int defaultLimit = 100;
  private Sleeper sleeper = Sleeper.REAL;

  BngSimulatorBuilder() {}

  /** Time of records, token expiry, the rate limiter and webhook timestamps. */
  public BngSimulatorBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /** Seed of the fault-injection and token Randoms; default 42. */
  public BngSimulatorBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Adds an OAuth client (a tenant with its own rate-limit bucket). */
  public BngSimulatorBuilder client(String clientId, String clientSecret) {
    if (requireNonNull(clientId, "clientId").isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    clients.put(clientId, requireNonNull(clientSecret, "clientSecret"));
    return this;
  }

  /** Lifetime of an access token, sent as {@code expires_in}; default 3600 s. */
  public BngSimulatorBuilder tokenTtl(Duration ttl) {
    if (requireNonNull(ttl, "ttl").toSeconds() < 1) {
      throw new IllegalArgumentException("tokenTtl must be at least 1 s: " + ttl);
    }
    this.tokenTtl = ttl;
    return this;
  }

  /**
   * Token bucket per tenant: {@code perSecond} requests per second, bursts of {@code burst};
   * default 10 and 20.
   */
  public BngSimulatorBuilder rateLimit(double perSecond, int burst) {
    if (!(perSecond > 0) || burst < 1) {
      throw new IllegalArgumentException(
          "rate limit needs perSecond > 0 and burst >= 1: " + perSecond + ", " + burst);
    }
    this.ratePerSecond = perSecond;
    this.burst = burst;
    return this;
  }

  /** Practically no rate limit (a bucket of {@link Integer#MAX_VALUE}); headers still sent. */
  public BngSimulatorBuilder unlimitedRate() {
    return rateLimit(1e9, Integer.MAX_VALUE);
  }

  /** Page size of a list request without {@code limit}: 1..500, default 100. */
  public BngSimulatorBuilder defaultPageSize(int limit) {
    if (limit < 1 || limit > ListQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("defaultPageSize must be 1..500: " + limit);
    }
    this.defaultLimit = limit;
    return this;
  }

  /** How injected latency is waited out; default {@link Thread#sleep}. */
  public BngSimulatorBuilder sleeper(Sleeper sleeper) {
    this.sleeper = requireNonNull(sleeper, "sleeper");
    return this;
  }

  /** A new, not yet started simulator. */
  public BngSimulator build() {
    Map<String, String> c = clients.isEmpty() ? Map.of("bng-client", "bng-secret") : clients;
    return new BngSimulator(new BngSettings(clock, seed, c, tokenTtl, ratePerSecond, burst,
        defaultLimit, sleeper));
  }
}
