package io.connectsdk.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The counters of one run (or event, or replay); turned into a {@link SyncResult} at the end. */
final class RunStats {
  final AtomicLong read = new AtomicLong();
  final AtomicLong created = new AtomicLong();
  final AtomicLong updated = new AtomicLong();
  final AtomicLong unchanged = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong deadLettered = new AtomicLong();
  final AtomicLong apiCalls = new AtomicLong();
  private final Instant started;

  RunStats(Instant started) {
    this.started = started;
  }

  SyncResult toResult(String jobId, Clock clock) {
    Duration duration = Duration.between(started, clock.instant());
    return new SyncResult(jobId, read.get(), created.get(), updated.get(), unchanged.get(),
        failed.get(), deadLettered.get(), apiCalls.get(),
        duration.isNegative() ? Duration.ZERO : duration);
  }
}
