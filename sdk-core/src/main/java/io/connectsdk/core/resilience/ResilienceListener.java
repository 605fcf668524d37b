package io.connectsdk.core.resilience;

import io.connectsdk.core.ConnectorException;
import java.time.Duration;

/**
 * Callbacks from a {@link ResiliencePolicy} built by {@link ResiliencePolicy#builder()}; every
 * method defaults to doing nothing. Called on the calling thread, outside the policy's locks, so an
 * implementation must be thread-safe and quick. An exception thrown by a callback is logged and
 * otherwise ignored.
 */
public interface ResilienceListener {
  /**
   * A call failed and will be retried after {@code delay}.
   *
   * @param attempt the number of the attempt that failed, starting at 1
   */
  default void onRetry(int attempt, ConnectorException failure, Duration delay) {}

  /** The circuit breaker opened: calls now fail fast. */
  default void onCircuitOpened() {}

  /**
   * The circuit breaker opened after {@code lastFailure} (null if unknown); the default calls
   * {@link #onCircuitOpened()}.
   */
  default void onCircuitOpened(ConnectorException lastFailure) {
    onCircuitOpened();
  }

  /** The circuit breaker let trial calls through after its open delay. */
  default void onCircuitHalfOpened() {}

  /** The circuit breaker closed again after successful trial calls. */
  default void onCircuitClosed() {}
}
