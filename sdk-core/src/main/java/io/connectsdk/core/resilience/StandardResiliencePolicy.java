package io.connectsdk.core.resilience;

import static java.util.Objects.requireNonNull;

import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.Policy;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ResiliencePolicy} built by {@link ResiliencePolicy#builder()}: Failsafe's circuit
 * breaker around Failsafe's retry policy around the SDK's rate limiter and bulkhead, in that
 * order. Thread-safe; share one instance per connector so that all its calls share the breaker,
 * the rate limit and the bulkhead.
 *
 * <p><b>Retry.</b> Only {@link ConnectorException}s whose {@link ConnectorException#isRetryable()}
 * is true are retried ({@link TransientException}, {@link RateLimitedException}, and the policy's
 * own {@link BulkheadFullException}); a {@link CircuitOpenException} and every other exception are
 * thrown at once. The wait is the SDK's jittered exponential backoff (seeded {@code Random}),
 * raised to the remote's Retry-After. A Retry-After longer than the maximum delay, or a wait that
 * would end after the call's maximum duration, ends the call with that failure instead of
 * retrying early. Waits go through the configured sleeper (Failsafe's async API with a scheduler
 * that runs on the calling thread); elapsed time is read from the configured clock only.
 *
 * <p><b>Circuit breaker.</b> It counts <em>calls</em>, not attempts: a call that succeeded after
 * retries is a success; a call that ended with a retryable failure is one failure; a non-retryable
 * answer (the remote answered) counts as a success. While open, calls fail fast with a {@link
 * CircuitOpenException} whose cause is the failure that opened it. A call made from inside a call
 * of the same policy on the same thread (a writer's reference lookup inside its write procedure)
 * runs as part of the outer call: no breaker permit of its own (so it can never take the half-open
 * trial slot its outer call holds), no retries of its own (the outer call retries the whole
 * procedure).
 *
 * <p><b>Limits.</b> The token bucket and the semaphore bulkhead are the SDK's own: Failsafe has no
 * "rate with burst" limiter, and its Bulkhead leaks a permit when a waiter times out (Failsafe
 * issue #393). They apply per attempt. HTTP connectors limit per request in sdk-http instead.
 *
 * <p>Interrupting a waiting call ends it with its last failure and the interrupt flag restored.
 */
public final class StandardResiliencePolicy implements ResiliencePolicy {
  private static final Logger LOG = LoggerFactory.getLogger(StandardResiliencePolicy.class);

  private final PolicyConfig config;
  private final Backoff backoff;
  private final Listeners listeners;
  private final Counters counters = new Counters();
  private final CallBreaker breaker;
  private final TokenBucket bucket;
  private final Bulkhead bulkhead;
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  StandardResiliencePolicy(PolicyConfig config) {
    this.config = config;
    this.backoff = new Backoff(config);
    this.listeners = new Listeners(config.listeners());
    this.breaker = config.hasCircuitBreaker() ? new CallBreaker(config, this::circuitMoved) : null;
    this.bucket = config.hasRateLimit() ? new TokenBucket(config) : null;
    this.bulkhead = config.hasBulkhead() ? new Bulkhead(config) : null;
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
    int[] d = depth.get();
    if (d[0] > 0) {
      return attempt(call, null); // part of the outer call on this thread
    }
    counters.calls.increment();
    d[0]++;
    try {
      return runCall(call);
    } finally {
      d[0]--;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <T> T runCall(Supplier<T> call) {
    CallState state = new CallState(Time.nanos(config.clock()));
    List<Policy<Object>> policies = new ArrayList<>(2);
    if (breaker != null) {
      policies.add(breaker.policy());
    }
    policies.add(retryPolicy(state));
    try {
      Object value = Failsafe.with((List) policies).with(new InlineScheduler(config.sleeper(), state))
          .getAsync(() -> attempt(call, state)).join();
      counters.successes.increment();
      return (T) value;
    } catch (CompletionException e) {
      counters.failures.increment();
      throw unwrap(e.getCause(), state);
    }
  }

  private RuntimeException unwrap(Throwable t, CallState state) {
    if (t instanceof CircuitBreakerOpenException) {
      counters.circuitRejections.increment();
      ConnectorException cause = breaker.openedBy();
      return new CircuitOpenException(config.system(), "circuit open for " + config.system()
          + "; call not sent; it opened after: " + describe(cause), cause);
    }
    if (t instanceof Interrupted) {
      RuntimeException last = state.lastFailure != null ? state.lastFailure
          : new TransientException(config.system(), "interrupted before the first attempt");
      last.addSuppressed(state.interruption);
      return last;
    }
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(t);
  }

  private RetryPolicy<Object> retryPolicy(CallState state) {
    RetryPolicyBuilder<Object> b = RetryPolicy.builder()
        .handleIf(StandardResiliencePolicy::isRetryable)
        .abortIf((result, failure) -> failure != null && giveUp(failure, state))
        .withDelayFn(ctx -> {
          Throwable failure = ctx.getLastException();
          return failure != null && !giveUp(failure, state) ? state.nextDelay : Duration.ZERO;
        });
    if (config.maxAttempts() == 1) {
      b.withMaxRetries(0);
    } else {
      b.withMaxAttempts(config.maxAttempts());
    }
    return b.build();
  }

  /**
   * Decides once per failed attempt (Failsafe asks for the delay and whether to abort, in an order
   * of its own; both read this decision): true to stop with this failure now, else sets the wait.
   */
  private boolean giveUp(Throwable failure, CallState state) {
    if (state.decidedAt == state.attemptsStarted) {
      return state.giveUp;
    }
    state.decidedAt = state.attemptsStarted;
    state.giveUp = decide(failure, state);
    return state.giveUp;
  }

  private boolean decide(Throwable failure, CallState state) {
    if (!isRetryable(failure)) {
      return false; // not handled: Failsafe ends the call with it anyway
    }
    int attempt = ++state.failedAttempts;
    if (attempt >= config.maxAttempts()) {
      return false; // Failsafe ends the call: attempts used up
    }
    if (state.interrupted || Thread.currentThread().isInterrupted()) {
      return true;
    }
    ConnectorException e = (ConnectorException) failure;
    Duration retryAfter = e instanceof RateLimitedException r ? r.retryAfter() : Duration.ZERO;
    if (retryAfter.compareTo(config.maxDelay()) > 0) {
      LOG.debug("{} asked to wait {} (more than the policy's maximum delay {}); giving up",
          config.system(), retryAfter, config.maxDelay());
      return true;
    }
    Duration delay = backoff.delay(attempt, retryAfter);
    long elapsed = Time.nanos(config.clock()) - state.startNanos;
    if (elapsed > Time.saturatedNanos(config.maxDuration()) - delay.toNanos()) {
      LOG.debug("{}: waiting {} would pass the call's maximum duration {}; giving up",
          config.system(), delay, config.maxDuration());
      return true;
    }
    state.nextDelay = delay;
    counters.retries.increment();
    LOG.debug("{} attempt {} failed ({}: {}); retrying in {}", config.system(), attempt,
        e.getClass().getSimpleName(), e.getMessage(), delay);
    listeners.onRetry(attempt, e, delay);
    return false;
  }

  static boolean isRetryable(Throwable e) {
    return e instanceof ConnectorException ce && ce.isRetryable()
        && !(e instanceof CircuitOpenException);
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

  private <T> T attempt(Supplier<T> call, CallState state) {
    if (state != null && state.interrupted) {
      throw new Interrupted();
    }
    if (state != null) {
      state.attemptsStarted++;
    }
    awaitRatePermit();
    acquireSlot();
    try {
      counters.attempts.increment();
      return call.get();
    } catch (RuntimeException e) {
      if (state != null) {
        state.lastFailure = e;
        if (breaker != null && isRetryable(e)) {
          breaker.failed((ConnectorException) e);
        }
      }
      throw e;
    } finally {
      if (bulkhead != null) {
        bulkhead.release();
      }
    }
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

  private static String describe(ConnectorException e) {
    return e == null ? "(unknown)" : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private void circuitMoved(CircuitState state) {
    switch (state) {
      case OPEN -> {
        counters.circuitOpens.increment();
        ConnectorException cause = breaker.openedBy();
        LOG.warn("circuit opened for {} (threshold {} failed of {} calls, open {}); last failure: {}",
            config.system(), config.failureThreshold(), config.windowSize(), config.openDelay(),
            describe(cause));
        listeners.onCircuitOpened(cause);
      }
      case HALF_OPEN -> listeners.onCircuitHalfOpened();
      case CLOSED -> {
        LOG.info("circuit closed for {}", config.system());
        listeners.onCircuitClosed();
      }
    }
  }
}
