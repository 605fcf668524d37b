package io.connectsdk.core.sync;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ScheduledFuture;

/**
 * The handle of a job running on a schedule ({@link SyncJob#schedule}). Thread-safe.
 */
public final class ScheduledSync {
  private final String jobId;
  private final java.util.concurrent.atomic.AtomicBoolean cancelled =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile ScheduledFuture<?> future;

  ScheduledSync(String jobId) {
    this.jobId = requireNonNull(jobId, "jobId");
  }

  void start(ScheduledFuture<?> future) {
    this.future = requireNonNull(future, "future");
    if (cancelled.get()) {
      future.cancel(false);
    }
  }

  /** True once {@link #cancel()} was called: a run that the executor starts now does nothing. */
  boolean stopped() {
    return cancelled.get();
  }

  public String jobId() {
    return jobId;
  }

  /**
   * Stops further runs: once this returns, no run starts (a run already in progress finishes; it
   * is not interrupted).
   */
  public void cancel() {
    cancelled.set(true);
    ScheduledFuture<?> f = future;
    if (f != null) {
      f.cancel(false);
    }
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  @Override
  public String toString() {
    return "ScheduledSync{" + jobId + (isCancelled() ? " cancelled" : "") + "}";
  }
}
