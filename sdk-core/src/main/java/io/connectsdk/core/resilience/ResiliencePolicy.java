package io.connectsdk.core.resilience;

import java.util.function.Supplier;

/**
 * Runs a connector call under retry, circuit breaker, rate limiter and bulkhead rules. Transient
 * and rate-limited {@link io.connectsdk.core.ConnectorException}s are retried; authentication and
 * permanent ones are thrown at once. A policy is complete on its own: the sync engine calls a
 * target's policy once per call, so the policy owns that call's retries. Thread-safe.
 */
@FunctionalInterface
public interface ResiliencePolicy {

  /** Runs the call, retrying it as configured; throws the last failure when giving up. */
  <T> T execute(Supplier<T> call);

  /**
   * A builder for a policy with retry, circuit breaker, rate limiter and bulkhead;
   * see {@link ResiliencePolicyBuilder} for the defaults.
   *
   * <pre>{@code
   * ResiliencePolicy policy = ResiliencePolicy.builder()
   *     .system("sage300").maxConcurrency(2).maxAttempts(4).build();
   * }</pre>
   */
  static ResiliencePolicyBuilder builder() {
    return new ResiliencePolicyBuilder();
  }

  /**
   * A policy with the builder's defaults: 5 attempts within 2 minutes with jittered exponential
   * backoff from 200 ms to 30 s, and a circuit breaker (5 failures of 10 calls, open 30 s).
   */
  static StandardResiliencePolicy defaults() {
    return builder().build();
  }

  /** Runs each call once, with no protection. */
  static ResiliencePolicy none() {
    return new ResiliencePolicy() {
      @Override
      public <T> T execute(Supplier<T> call) {
        return call.get();
      }
    };
  }
}
