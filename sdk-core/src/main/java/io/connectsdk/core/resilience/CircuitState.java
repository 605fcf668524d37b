package io.connectsdk.core.resilience;

/** The state of a policy's circuit breaker. */
public enum CircuitState {
  /** Calls flow; failures are counted. */
  CLOSED,
  /** Calls fail fast with {@link CircuitOpenException} until the open delay has passed. */
  OPEN,
  /** A limited number of trial calls are let through to decide between closing and reopening. */
  HALF_OPEN
}
