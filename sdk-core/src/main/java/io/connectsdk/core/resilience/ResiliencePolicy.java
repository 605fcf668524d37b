package io.connectsdk.core.resilience;

import java.util.function.Supplier;

/**
 * Runs a connector call under retry, circuit breaker, rate limiter, bulkhead and timeout rules.
 * Transient and rate-limited {@link io.connectsdk.core.ConnectorException}s are retried;
 * authentication and permanent ones are thrown at once. Thread-safe.
 */
@FunctionalInterface
public interface ResiliencePolicy {

  /** Runs the call, retrying it as configured; throws the last failure when giving up. */
  <T> T execute(Supplier<T> call);

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
