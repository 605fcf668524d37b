package io.connectsdk.core.sync;

import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.WriteResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records events as short strings, for asserting order in engine tests. */
final class RecordingSyncListener implements SyncListener {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void jobStarted(String jobId) {
    events.add("jobStarted");
  }

  @Override
  public void pageRead(String jobId, int records, Cursor next) {
    events.add("pageRead " + records);
  }

  @Override
  public void recordWritten(String jobId, RecordRef s, RecordRef t, WriteResult.Status status) {
    events.add("recordWritten " + s + " " + status);
  }

  @Override
  public void recordSkipped(String jobId, RecordRef source, String reason) {
    events.add("recordSkipped " + source + " " + reason);
  }

  @Override
  public void recordDeadLettered(String jobId, RecordRef source, String reason) {
    events.add("recordDeadLettered " + source);
  }

  @Override
  public void checkpointSaved(String jobId, Cursor cursor) {
    events.add("checkpointSaved " + cursor.value());
  }

  @Override
  public void progress(String jobId, SyncResult soFar) {
    events.add("progress");
  }

  @Override
  public void jobFinished(String jobId, SyncResult result) {
    events.add("jobFinished");
  }

  @Override
  public void jobFailed(String jobId, Throwable error) {
    events.add("jobFailed " + error.getClass().getSimpleName());
  }
}
