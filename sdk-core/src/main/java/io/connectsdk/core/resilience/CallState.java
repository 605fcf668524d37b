package io.connectsdk.core.resilience;

import io.connectsdk.core.ConnectorException;
import java.time.Duration;

/** What one {@code execute} call knows about itself while Failsafe runs it; one thread only. */
final class CallState {
  final long startNanos;
  int failedAttempts;
  int attemptsStarted;
  int decidedAt = -1;
  boolean giveUp;
  Duration nextDelay = Duration.ZERO;
  RuntimeException lastFailure;
  boolean interrupted;
  InterruptedException interruption;

  CallState(long startNanos) {
    this.startNanos = startNanos;
  }

  ConnectorException lastConnectorFailure() {
    return lastFailure instanceof ConnectorException ce ? ce : null;
  }
}
