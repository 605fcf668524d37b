package io.connectsdk.core.resilience;

import io.connectsdk.core.ConnectorException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Failsafe's {@link dev.failsafe.CircuitBreaker}, counting calls (it sits outside the retry
 * policy), with its open delay decided on the injected clock: Failsafe measures the delay with
 * {@code System.nanoTime}, which a test cannot move, so its own delay is set out of reach and this
 * class moves it to half-open when the clock says the delay has passed. Remembers the failure that
 * opened it, for the {@link CircuitOpenException}'s cause and the log. Thread-safe.
 */
final class CallBreaker {
  private static final Duration NEVER = Duration.ofDays(3650);

  private final PolicyConfig config;
  private final dev.failsafe.CircuitBreaker<Object> breaker;
  private final AtomicReference<ConnectorException> lastFailure = new AtomicReference<>();
  private final AtomicReference<ConnectorException> openedBy = new AtomicReference<>();
  private volatile long openedAt;

  CallBreaker(PolicyConfig config, Consumer<CircuitState> onTransition) {
    this.config = config;
    this.breaker = dev.failsafe.CircuitBreaker.builder()
        .handleIf(StandardResiliencePolicy::isRetryable)
        .withFailureThreshold(config.failureThreshold(), config.windowSize())
        .withSuccessThreshold(config.halfOpenTrialCalls())
        .withDelay(NEVER)
        .onOpen(e -> {
          openedAt = Time.nanos(config.clock());
          openedBy.set(lastFailure.get());
          onTransition.accept(CircuitState.OPEN);
        })
        .onHalfOpen(e -> onTransition.accept(CircuitState.HALF_OPEN))
        .onClose(e -> onTransition.accept(CircuitState.CLOSED))
        .build();
  }

  /** The Failsafe policy, after moving an open breaker whose delay has passed to half-open. */
  dev.failsafe.CircuitBreaker<Object> policy() {
    if (breaker.isOpen()
        && Time.nanos(config.clock()) - openedAt >= Time.saturatedNanos(config.openDelay())) {
      breaker.halfOpen();
    }
    return breaker;
  }

  /** Records the failure a call is about to end with (before the breaker counts it). */
  void failed(ConnectorException e) {
    lastFailure.set(e);
  }

  /** The failure that opened the breaker last; null if it never opened. */
  ConnectorException openedBy() {
    return openedBy.get();
  }

  CircuitState state() {
    return switch (breaker.getState()) {
      case CLOSED -> CircuitState.CLOSED;
      case OPEN -> CircuitState.OPEN;
      case HALF_OPEN -> CircuitState.HALF_OPEN;
    };
  }
}
