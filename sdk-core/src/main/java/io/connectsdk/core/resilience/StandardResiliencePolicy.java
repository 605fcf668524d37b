package io.connectsdk.core.resilience;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.resilience.CircuitBreaker.Outcome;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ResiliencePolicy} built by {@link ResiliencePolicy#builder()}: a retry loop around
 * circuit breaker, rate limiter, bulkhead and attempt timeout, in that order. Thread-safe; share one
 * instance per connector so that all its calls share the breaker, the rate limit and the bulkhead.
 *
 * <p>Only {@link ConnectorException}s whose {@link ConnectorException#isRetryable()} is true are
 * retried ({@link TransientException}, {@link RateLimitedException}, and the policy's own {@link
 * BulkheadFullException} and {@link AttemptTimeoutException}); a {@link CircuitOpenException} and
 * every other exception are thrown at once. The loop is written here rather than with Failsafe's
 * RetryPolicy because that one sleeps with {@code Thread.sleep} and cannot take an injected {@link
 * io.connectsdk.core.Sleeper}; for the same reason (an un-injectable {@code System.nanoTime}) the
 * circuit breaker and rate limiter are clock-driven implementations of this package. Waits happen
 * only through the configured sleeper; elapsed time is read only from the configured clock.
 *
 * <p>The circuit breaker counts retryable failures as failures; a non-retryable {@link
 * ConnectorException} (the remote answered) counts as a success; any other exception is not
 * counted. Interrupting a waiting call ends it with the interrupt flag restored.
 */
public final class StandardResiliencePolicy implements ResiliencePolicy {
  private static final Logger LOG = LoggerFactory.getLogger(StandardResiliencePolicy.class);

  private final PolicyConfig config;
  private final Backoff backoff;
  private final Listeners listeners;
  private final Counters counters = new Counters();
  private final CircuitBreaker breaker;
  private final TokenBucket bucket;
  private final Bulkhead bulkhead;
  private final AttemptTimer timer;

  StandardResiliencePolicy(PolicyConfig config) {
    this.config = config;
    this.backoff = new Backoff(config);
    this.listeners = new Listeners(config.listeners());
    this.breaker = config.hasCircuitBreaker() ? new CircuitBreaker(config, this::circuitMoved) : null;
    this.bucket = config.hasRateLimit() ? new TokenBucket(config) : null;
    this.bulkhead = config.hasBulkhead() ? new Bulkhead(config) : null;
    this.timer = config.hasAttemptTimeout() ? new AttemptTimer(config) : null;
  }

  /**
   * Runs the call, retrying retryable failures with backoff.
   *
   * @throws RuntimeException the last failure when giving up; the policy's own refusals are {@link
   *     CircuitOpenException} and {@link BulkheadFullException}
   */
  @Override
  public <T> T execute(Supplier<T> call) {
    requireNonNull(call, "call");
    counters.calls.increment();
    long start = Time.nanos(config.clock());
    for (int attempt = 1; ; attempt++) {
      try {
        T value = attempt(call);
        counters.successes.increment();
        return value;
      } catch (RuntimeException e) {
        Duration delay = retryDelay(e, attempt, start);
        if (delay == null) {
          counters.failures.increment();
          throw e;
        }
        counters.retries.increment();
        LOG.debug("{} attempt {} failed ({}: {}); retrying in {}", config.system(), attempt,
            e.getClass().getSimpleName(), e.getMessage(), delay);
        listeners.onRetry(attempt, (ConnectorException) e, delay);
        sleepBeforeRetry(delay, e);
      } catch (Error e) {
        counters.failures.increment();
        throw e;
      }
    }
  }

  /** A builder holding this policy's settings; what it builds has fresh state. */
  public ResiliencePolicyBuilder toBuilder() {
    return new ResiliencePolicyBuilder(config);
  }

  /** The counters since this policy was built. */
  public ResilienceStats stats() {
    return counters.snapshot();
  }

  /** The circuit breaker's state; {@link CircuitState#CLOSED} if there is no breaker. */
  public CircuitState circuitState() {
    return breaker == null ? CircuitState.CLOSED : breaker.state();
  }

  @Override
  public String toString() {
    return "StandardResiliencePolicy[system=" + config.system() + ", maxAttempts="
        + config.maxAttempts() + ", circuit=" + circuitState() + "]";
  }

  private <T> T attempt(Supplier<T> call) {
    long permit = 0;
    if (breaker != null) {
      permit = breaker.tryAcquire();
      if (permit == CircuitBreaker.REJECTED) {
        counters.circuitRejections.increment();
        throw new CircuitOpenException(config.system(),
            "circuit open for " + config.system() + "; call not sent", null);
      }
    }
    Outcome outcome = Outcome.IGNORED;
    try {
      awaitRatePermit();
      acquireSlot();
      try {
        counters.attempts.increment();
        T value = timer == null ? call.get() : timer.run(call);
        outcome = Outcome.SUCCESS;
        return value;
      } catch (RuntimeException e) {
        if (e instanceof AttemptTimeoutException) {
          counters.timeouts.increment();
        }
        outcome = outcomeOf(e);
        throw e;
      } finally {
        if (bulkhead != null) {
          bulkhead.release();
        }
      }
    } finally {
      if (breaker != null) {
        breaker.record(permit, outcome);
      }
    }
  }

  private static Outcome outcomeOf(RuntimeException e) {
    if (e instanceof ConnectorException ce) {
      return ce.isRetryable() ? Outcome.FAILURE : Outcome.SUCCESS;
    }
    return Outcome.IGNORED;
  }

  private void awaitRatePermit() {
    if (bucket == null) {
      return;
    }
    long wait = bucket.reserve();
    if (wait > 0) {
      counters.rateLimitWaits.increment();
      try {
        config.sleeper().sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransientException(config.system(),
            "interrupted while waiting for a rate-limit permit", e);
      }
    }
  }

  private void acquireSlot() {
    if (bulkhead == null) {
      return;
    }
    try {
      bulkhead.acquire();
    } catch (BulkheadFullException e) {
      counters.bulkheadRejections.increment();
      throw e;
    }
  }

  /** The wait before the next attempt, or null to give up. */
  private Duration retryDelay(RuntimeException e, int attempt, long start) {
    if (!(e instanceof ConnectorException ce) || !ce.isRetryable()
        || e instanceof CircuitOpenException
        || attempt >= config.maxAttempts()
        || Thread.currentThread().isInterrupted()) {
      return null;
    }
    Duration retryAfter = e instanceof RateLimitedException r ? r.retryAfter() : Duration.ZERO;
    Duration delay = backoff.delay(attempt, retryAfter);
    long elapsed = Time.nanos(config.clock()) - start;
    long budget = Time.saturatedNanos(config.maxDuration());
    return elapsed > budget - delay.toNanos() ? null : delay;
  }

  private void sleepBeforeRetry(Duration delay, RuntimeException failure) {
    try {
      config.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
      counters.failures.increment();
      throw failure;
    }
  }

  private void circuitMoved(CircuitState state) {
    switch (state) {
      case OPEN -> {
        counters.circuitOpens.increment();
        LOG.warn("circuit opened for {}", config.system());
        listeners.onCircuitOpened();
      }
      case HALF_OPEN -> listeners.onCircuitHalfOpened();
      case CLOSED -> {
        LOG.info("circuit closed for {}", config.system());
        listeners.onCircuitClosed();
      }
    }
  }
}
