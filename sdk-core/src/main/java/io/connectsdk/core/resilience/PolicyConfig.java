package io.connectsdk.core.resilience;

import io.connectsdk.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Everything a {@link ResiliencePolicyBuilder} collects, frozen. A zero {@code failureThreshold},
 * {@code burst} or {@code maxConcurrency} means "off".
 */
record PolicyConfig(
    String system,
    int maxAttempts,
    Duration maxDuration,
    Duration baseDelay,
    double backoffFactor,
    Duration maxDelay,
    double jitter,
    Random random,
    Sleeper sleeper,
    Clock clock,
    int failureThreshold,
    int windowSize,
    Duration openDelay,
    int halfOpenTrialCalls,
    double permitsPerSecond,
    int burst,
    int maxConcurrency,
    Duration maxConcurrencyWait,
    List<ResilienceListener> listeners) {

  PolicyConfig {
    listeners = List.copyOf(listeners);
  }

  boolean hasCircuitBreaker() {
    return failureThreshold > 0;
  }

  boolean hasRateLimit() {
    return burst > 0;
  }

  boolean hasBulkhead() {
    return maxConcurrency > 0;
  }
}
