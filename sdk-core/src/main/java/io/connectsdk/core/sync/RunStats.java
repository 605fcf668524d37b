package io.connectsdk.core.sync;

import io.connectsdk.core.spi.Connector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The counters of one run (or event, or replay); turned into a {@link SyncResult} at the end. */
final class RunStats {
  final AtomicLong read = new AtomicLong();
  final AtomicLong created = new AtomicLong();
  final AtomicLong updated = new AtomicLong();
  final AtomicLong deleted = new AtomicLong();
  final AtomicLong unchanged = new AtomicLong();
  final AtomicLong failedAttempts = new AtomicLong();
  final AtomicLong deadLettered = new AtomicLong();
  final AtomicLong conflicts = new AtomicLong();
  final AtomicLong warnings = new AtomicLong();
  final AtomicLong connectorCalls = new AtomicLong();
  final AtomicLong circuitOpenings = new AtomicLong();
  private final Instant started;
  /** Each connector's request counter when the run started (connectors that count only). */
  private final Map<Connector, Long> requestsAtStart = new IdentityHashMap<>();

  RunStats(Instant started, Iterable<Connector> connectors) {
    this.started = started;
    for (Connector c : connectors) {
      long sent = c.requestsSent();
      if (sent >= 0) {
        requestsAtStart.putIfAbsent(c, sent);
      }
    }
  }

  /** Requests the job's connectors sent since the run started (-1 if none of them counts). */
  long httpRequests() {
    if (requestsAtStart.isEmpty()) {
      return -1;
    }
    long sum = 0;
    for (Map.Entry<Connector, Long> e : requestsAtStart.entrySet()) {
      sum += Math.max(0, e.getKey().requestsSent() - e.getValue());
    }
    return sum;
  }

  SyncResult toResult(String jobId, Clock clock) {
    Duration duration = Duration.between(started, clock.instant());
    return new SyncResult(jobId, read.get(), created.get(), updated.get(), deleted.get(),
        unchanged.get(), failedAttempts.get(), deadLettered.get(), conflicts.get(),
        warnings.get(), connectorCalls.get(), httpRequests(), circuitOpenings.get(),
        duration.isNegative() ? Duration.ZERO : duration);
  }
}
