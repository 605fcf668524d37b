package io.connectsdk.core.sync;

import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forwards to the user's listener; a listener that throws is logged and ignored. */
final class SafeListener implements SyncListener {
  private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);
  private final SyncListener delegate;

  SafeListener(SyncListener delegate) {
    this.delegate = delegate;
  }

  private void guard(String event, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("sync listener threw {} in {}; ignored", e.getClass().getName(), event);
    }
  }

  @Override
  public void jobStarted(String jobId) {
    guard("jobStarted", () -> delegate.jobStarted(jobId));
  }

  @Override
  public void pageRead(String jobId, int records, Cursor next) {
    guard("pageRead", () -> delegate.pageRead(jobId, records, next));
  }

  @Override
  public void recordWritten(
      String jobId, RecordRef source, RecordRef target, WriteResult.Status status) {
    guard("recordWritten", () -> delegate.recordWritten(jobId, source, target, status));
  }

  @Override
  public void recordSkipped(String jobId, RecordRef source, String reason) {
    guard("recordSkipped", () -> delegate.recordSkipped(jobId, source, reason));
  }

  @Override
  public void recordFailed(String jobId, RecordRef source, String reason) {
    guard("recordFailed", () -> delegate.recordFailed(jobId, source, reason));
  }

  @Override
  public void recordDeadLettered(String jobId, RecordRef source, String reason) {
    guard("recordDeadLettered", () -> delegate.recordDeadLettered(jobId, source, reason));
  }

  @Override
  public void recordReplayed(String jobId, RecordRef source, String deadLetterId) {
    guard("recordReplayed", () -> delegate.recordReplayed(jobId, source, deadLetterId));
  }

  @Override
  public void checkpointSaved(String jobId, Cursor cursor) {
    guard("checkpointSaved", () -> delegate.checkpointSaved(jobId, cursor));
  }

  @Override
  public void progress(String jobId, SyncResult soFar) {
    guard("progress", () -> delegate.progress(jobId, soFar));
  }

  @Override
  public void recordWarned(String jobId, RecordRef source, RecordRef target,
      java.util.List<String> warnings) {
    guard("recordWarned", () -> delegate.recordWarned(jobId, source, target, warnings));
  }

  @Override
  public void recordConflicted(String jobId, RecordRef source, RecordRef target) {
    guard("recordConflicted", () -> delegate.recordConflicted(jobId, source, target));
  }

  @Override
  public void circuitOpened(String name) {
    guard("circuitOpened", () -> delegate.circuitOpened(name));
  }

  @Override
  public void circuitClosed(String name) {
    guard("circuitClosed", () -> delegate.circuitClosed(name));
  }

  @Override
  public void jobFinished(String jobId, SyncResult result) {
    guard("jobFinished", () -> delegate.jobFinished(jobId, result));
  }

  @Override
  public void jobFailed(String jobId, Throwable error) {
    guard("jobFailed", () -> delegate.jobFailed(jobId, error));
  }
}
