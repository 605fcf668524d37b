package io.connectsdk.core.sync;

import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.WriteResult;

/**
 * Observes every step of a sync job. All methods have empty defaults; override what you need.
 * Called on the job's thread: keep implementations fast and never throw (a throwing listener is
 * logged and ignored). Reasons and ids passed here never contain credentials or field values.
 */
public interface SyncListener {
  SyncListener NONE = new SyncListener() {};

  default void jobStarted(String jobId) {}

  default void pageRead(String jobId, int records, Cursor next) {}

  default void recordWritten(
      String jobId, RecordRef source, RecordRef target, WriteResult.Status status) {}

  /** The record was not written because nothing changed, or it is an echo of our own write. */
  default void recordSkipped(String jobId, RecordRef source, String reason) {}

  /** One attempt for this record failed; it may still be retried. */
  default void recordFailed(String jobId, RecordRef source, String reason) {}

  default void recordDeadLettered(String jobId, RecordRef source, String reason) {}

  /** The target accepted the record with warnings (codes and messages, never field values). */
  default void recordWarned(String jobId, RecordRef source, RecordRef target,
      java.util.List<String> warnings) {}

  /** The target refused a write as a version conflict; the conflict policy decides what next. */
  default void recordConflicted(String jobId, RecordRef source, RecordRef target) {}

  /** A dead-lettered record was written by a replay and left the dead-letter queue. */
  default void recordReplayed(String jobId, RecordRef source, String deadLetterId) {}

  default void checkpointSaved(String jobId, Cursor cursor) {}

  /** After each window of pages (and its checkpoint): the counts of the run so far. */
  default void progress(String jobId, SyncResult soFar) {}

  default void circuitOpened(String name) {}

  default void circuitClosed(String name) {}

  default void jobFinished(String jobId, SyncResult result) {}

  default void jobFailed(String jobId, Throwable error) {}
}
