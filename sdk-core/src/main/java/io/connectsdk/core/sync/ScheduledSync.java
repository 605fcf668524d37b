package io.connectsdk.core.sync;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ScheduledFuture;

/**
 * The handle of a job running on a schedule ({@link SyncJob#schedule}). Thread-safe.
 */
public final class ScheduledSync {
  private final String jobId;
  private final ScheduledFuture<?> future;

  ScheduledSync(String jobId, ScheduledFuture<?> future) {
    this.jobId = requireNonNull(jobId, "jobId");
    this.future = requireNonNull(future, "future");
  }

  public String jobId() {
    return jobId;
  }

  /** Stops further runs; a run in progress finishes (it is not interrupted). */
  public void cancel() {
    future.cancel(false);
  }

  public boolean isCancelled() {
    return future.isCancelled();
  }

  @Override
  public String toString() {
    return "ScheduledSync{" + jobId + (isCancelled() ? " cancelled" : "") + "}";
  }
}
