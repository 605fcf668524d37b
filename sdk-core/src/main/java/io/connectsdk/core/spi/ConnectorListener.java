package io.connectsdk.core.spi;

/**
 * Hears what happens inside a connector below the level of its calls: its circuit breaker opening
 * and closing. A {@link io.connectsdk.core.sync.SyncJob} registers one per target and source
 * connector so the job's listener and result see a connector's own breaker. Methods default to
 * doing nothing; implementations are thread-safe and quick, and never throw (a throwing listener is
 * logged and ignored by the connector).
 */
public interface ConnectorListener {
  /**
   * The connector's circuit breaker opened: calls now fail fast.
   *
   * @param system the connector's instance name
   * @param lastFailure the failure that opened it (its message holds no credentials)
   */
  default void circuitOpened(String system, Throwable lastFailure) {}

  /** The connector's circuit breaker closed again after successful trial calls. */
  default void circuitClosed(String system) {}
}
