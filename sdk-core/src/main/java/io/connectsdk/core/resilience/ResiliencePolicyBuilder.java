package io.connectsdk.core.resilience;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Configures a {@link StandardResiliencePolicy}; obtained from {@link ResiliencePolicy#builder()}.
 * Not thread-safe; {@link #build()} copies, so a builder can be reused and changed afterwards.
 *
 * <p>Defaults: 5 attempts within 2 minutes, exponential backoff from 200 ms doubling up to 30 s
 * with ±20% jitter; a circuit breaker that opens after 5 failures in the last 10 calls, stays open
 * 30 s and closes after 1 successful trial call (the breaker counts calls, not attempts); no rate
 * limit, no concurrency limit; real clock, sleeper and random. There is no attempt timeout: an
 * HTTP connector's call timeout (sdk-http {@code HttpOptions.callTimeout}) bounds each request.
 *
 * <pre>{@code
 * ResiliencePolicy sage300 = ResiliencePolicy.builder().system("sage300").maxConcurrency(2).build();
 * ResiliencePolicy bng = ResiliencePolicy.builder().system("bng").rateLimit(10, 20).build();
 * }</pre>
 */
public final class ResiliencePolicyBuilder {
  private String system = "";
  private int maxAttempts = 5;
  private Duration maxDuration = Duration.ofMinutes(2);
  private Duration baseDelay = Duration.ofMillis(200);
  private double backoffFactor = 2.0;
  private Duration maxDelay = Duration.ofSeconds(30);
  private double jitter = 0.2;
  private Random random = new Random();
  private Sleeper sleeper = Sleeper.system();
  private Clock clock = Clock.systemUTC();
  private int failureThreshold = 5;
  private int windowSize = 10;
  private Duration openDelay = Duration.ofSeconds(30);
  private int halfOpenTrialCalls = 1;
  private double permitsPerSecond;
  private int burst;
  private int maxConcurrency;
  private Duration maxConcurrencyWait = Duration.ofSeconds(30);
  private final List<ResilienceListener> listeners = new ArrayList<>();

  ResiliencePolicyBuilder() {}

  ResiliencePolicyBuilder(PolicyConfig c) {
    system = c.system();
    maxAttempts = c.maxAttempts();
    maxDuration = c.maxDuration();
    baseDelay = c.baseDelay();
    backoffFactor = c.backoffFactor();
    maxDelay = c.maxDelay();
    jitter = c.jitter();
    random = c.random();
    sleeper = c.sleeper();
    clock = c.clock();
    failureThreshold = c.failureThreshold();
    windowSize = c.windowSize();
    openDelay = c.openDelay();
    halfOpenTrialCalls = c.halfOpenTrialCalls();
    permitsPerSecond = c.permitsPerSecond();
    burst = c.burst();
    maxConcurrency = c.maxConcurrency();
    maxConcurrencyWait = c.maxConcurrencyWait();
    listeners.addAll(c.listeners());
  }

  /** The remote system's name, used in the exceptions the policy itself throws. Default "". */
  public ResiliencePolicyBuilder system(String system) {
    this.system = requireNonNull(system, "system");
    return this;
  }

  /** Total attempts per call including the first; 1 disables retries. Default 5. */
  public ResiliencePolicyBuilder maxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    return this;
  }

  /** Runs each call once: same as {@code maxAttempts(1)}. */
  public ResiliencePolicyBuilder noRetry() {
    return maxAttempts(1);
  }

  /**
   * Time budget of one call, retries included, measured on the clock: no retry is started whose
   * backoff would end after it. Default 2 minutes.
   */
  public ResiliencePolicyBuilder maxDuration(Duration maxDuration) {
    this.maxDuration = positive(maxDuration, "maxDuration");
    return this;
  }

  /**
   * Exponential backoff: the wait after attempt n is {@code baseDelay * factor^(n-1)}, jittered,
   * raised to the remote's Retry-After, and capped at {@code maxDelay}.
   */
  public ResiliencePolicyBuilder backoff(Duration baseDelay, double factor, Duration maxDelay) {
    requireNonNull(baseDelay, "baseDelay");
    requireNonNull(maxDelay, "maxDelay");
    if (baseDelay.isNegative()) {
      throw new IllegalArgumentException("baseDelay < 0: " + baseDelay);
    }
    if (!(factor >= 1.0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be finite and >= 1: " + factor);
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("maxDelay < baseDelay: " + maxDelay + " < " + baseDelay);
    }
    this.baseDelay = baseDelay;
    this.backoffFactor = factor;
    this.maxDelay = maxDelay;
    return this;
  }

  /**
   * Randomises each backoff by up to ± this fraction (0 to 1) so that clients do not retry in step.
   * Default 0.2.
   */
  public ResiliencePolicyBuilder jitter(double jitter) {
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be within [0, 1]: " + jitter);
    }
    this.jitter = jitter;
    return this;
  }

  /** Source of jitter; pass a seeded one for reproducible waits. */
  public ResiliencePolicyBuilder random(Random random) {
    this.random = requireNonNull(random, "random");
    return this;
  }

  /** How backoff and rate-limit waits happen; default {@link Sleeper#system()}. */
  public ResiliencePolicyBuilder sleeper(Sleeper sleeper) {
    this.sleeper = requireNonNull(sleeper, "sleeper");
    return this;
  }

  /** Time source for the retry budget, circuit breaker and rate limiter; default UTC system clock. */
  public ResiliencePolicyBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Opens the circuit when {@code failures} of the last {@code ofCalls} calls failed with a
   * retryable error, keeps it open for {@code openDelay}, then lets trial calls through.
   */
  public ResiliencePolicyBuilder circuitBreaker(int failures, int ofCalls, Duration openDelay) {
    if (failures < 1 || failures > ofCalls) {
      throw new IllegalArgumentException(
          "need 1 <= failures <= ofCalls, got " + failures + " of " + ofCalls);
    }
    this.failureThreshold = failures;
    this.windowSize = ofCalls;
    this.openDelay = positive(openDelay, "openDelay");
    return this;
  }

  /**
   * Opens the circuit when at least {@code ratio} (0 exclusive to 1 inclusive) of the last {@code
   * ofCalls} calls failed; the same as {@code circuitBreaker(ceil(ratio * ofCalls), ofCalls, ...)}.
   */
  public ResiliencePolicyBuilder circuitBreakerFailureRatio(
      double ratio, int ofCalls, Duration openDelay) {
    if (!(ratio > 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException("ratio must be within (0, 1]: " + ratio);
    }
    if (ofCalls < 1) {
      throw new IllegalArgumentException("ofCalls < 1: " + ofCalls);
    }
    return circuitBreaker((int) Math.ceil(ratio * ofCalls), ofCalls, openDelay);
  }

  /** Trial calls let through while half-open; all must succeed to close. Default 1. */
  public ResiliencePolicyBuilder halfOpenTrialCalls(int trialCalls) {
    if (trialCalls < 1) {
      throw new IllegalArgumentException("trialCalls < 1: " + trialCalls);
    }
    this.halfOpenTrialCalls = trialCalls;
    return this;
  }

  /** Removes the circuit breaker. */
  public ResiliencePolicyBuilder noCircuitBreaker() {
    this.failureThreshold = 0;
    return this;
  }

  /**
   * Token bucket: at most {@code burst} attempts at once, refilled at {@code permitsPerSecond}; an
   * attempt without a permit waits through the sleeper. Default: no limit.
   */
  public ResiliencePolicyBuilder rateLimit(double permitsPerSecond, int burst) {
    if (!(permitsPerSecond > 0.0) || permitsPerSecond > 1e9) {
      throw new IllegalArgumentException("permitsPerSecond must be in (0, 1e9]: " + permitsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst < 1: " + burst);
    }
    this.permitsPerSecond = permitsPerSecond;
    this.burst = burst;
    return this;
  }

  /** Removes the rate limit. */
  public ResiliencePolicyBuilder noRateLimit() {
    this.burst = 0;
    return this;
  }

  /**
   * At most {@code maxConcurrency} attempts in flight at once; others wait their turn (first come,
   * first served) up to 30 s, then fail with {@link BulkheadFullException}. Default: unlimited.
   */
  public ResiliencePolicyBuilder maxConcurrency(int maxConcurrency) {
    return maxConcurrency(maxConcurrency, maxConcurrencyWait);
  }

  /** Like {@link #maxConcurrency(int)} with a given maximum wait (zero: do not wait). */
  public ResiliencePolicyBuilder maxConcurrency(int maxConcurrency, Duration maxWait) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency < 1: " + maxConcurrency);
    }
    requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait < 0: " + maxWait);
    }
    this.maxConcurrency = maxConcurrency;
    this.maxConcurrencyWait = maxWait;
    return this;
  }

  /** Removes the concurrency limit. */
  public ResiliencePolicyBuilder unlimitedConcurrency() {
    this.maxConcurrency = 0;
    return this;
  }

  /** Adds a listener; listeners are called in the order added. */
  public ResiliencePolicyBuilder listener(ResilienceListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
    return this;
  }

  /** Runs {@code action} each time the circuit opens. */
  public ResiliencePolicyBuilder onCircuitOpened(Runnable action) {
    requireNonNull(action, "action");
    return listener(new ResilienceListener() {
      @Override
      public void onCircuitOpened() {
        action.run();
      }
    });
  }

  /** Runs {@code action} each time the circuit closes again. */
  public ResiliencePolicyBuilder onCircuitClosed(Runnable action) {
    requireNonNull(action, "action");
    return listener(new ResilienceListener() {
      @Override
      public void onCircuitClosed() {
        action.run();
      }
    });
  }

  /** A new policy with its own fresh circuit, rate-limit, bulkhead and counter state. */
  public StandardResiliencePolicy build() {
    return new StandardResiliencePolicy(config());
  }

  PolicyConfig config() {
    return new PolicyConfig(system, maxAttempts, maxDuration, baseDelay, backoffFactor, maxDelay,
        jitter, random, sleeper, clock, failureThreshold, windowSize, openDelay, halfOpenTrialCalls,
        permitsPerSecond, burst, maxConcurrency, maxConcurrencyWait, listeners);
  }

  private static Duration positive(Duration d, String name) {
    requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0: " + d);
    }
    return d;
  }
}
