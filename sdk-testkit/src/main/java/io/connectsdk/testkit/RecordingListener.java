package io.connectsdk.testkit;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.sync.SyncListener;
import io.connectsdk.core.sync.SyncResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SyncListener} that records every event in order, for assertions in tests:
 *
 * <pre>{@code
 * RecordingListener events = new RecordingListener();
 * SyncJob job = SyncJob.builder("j")...listener(events).build();
 * job.runOnce();
 * assertThat(events.count(RecordingListener.Kind.RECORD_WRITTEN)).isEqualTo(10);
 * }</pre>
 *
 * Thread-safe: events from several threads are kept in the order they arrived.
 */
public final class RecordingListener implements SyncListener {

  /** The kinds of event, one per {@link SyncListener} method. */
  public enum Kind {
    JOB_STARTED,
    PAGE_READ,
    RECORD_WRITTEN,
    RECORD_SKIPPED,
    RECORD_FAILED,
    RECORD_DEAD_LETTERED,
    RECORD_REPLAYED,
    CHECKPOINT_SAVED,
    PROGRESS,
    CIRCUIT_OPENED,
    CIRCUIT_CLOSED,
    JOB_FINISHED,
    JOB_FAILED
  }

  /**
   * One event.
   *
   * @param kind what happened
   * @param name the job id (or the circuit name for circuit events)
   * @param source the source record, for record events
   * @param target the target record, for {@link Kind#RECORD_WRITTEN}
   * @param detail the status, reason, cursor, record count, dead-letter id or error class
   * @param result the counts, for {@link Kind#PROGRESS} and {@link Kind#JOB_FINISHED}
   */
  public record Event(
      Kind kind,
      String name,
      Optional<RecordRef> source,
      Optional<RecordRef> target,
      String detail,
      Optional<SyncResult> result) {
    public Event {
      requireNonNull(kind, "kind");
      requireNonNull(name, "name");
      requireNonNull(source, "source");
      requireNonNull(target, "target");
      requireNonNull(detail, "detail");
      requireNonNull(result, "result");
    }

    @Override
    public String toString() {
      return kind + " " + name + source.map(s -> " " + s).orElse("")
          + target.map(t -> " -> " + t).orElse("") + (detail.isEmpty() ? "" : " " + detail);
    }
  }

  private final List<Event> events = new ArrayList<>();

  private void add(Kind kind, String name, RecordRef source, RecordRef target, String detail,
      SyncResult result) {
    Event e = new Event(kind, name, Optional.ofNullable(source), Optional.ofNullable(target),
        detail, Optional.ofNullable(result));
    synchronized (events) {
      events.add(e);
    }
  }

  /** Every event so far, in order (a copy). */
  public List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** The events of one kind, in order. */
  public List<Event> events(Kind kind) {
    requireNonNull(kind, "kind");
    return events().stream().filter(e -> e.kind() == kind).toList();
  }

  /** How many events of this kind arrived. */
  public long count(Kind kind) {
    return events(kind).size();
  }

  /** The kinds of every event, in order. */
  public List<Kind> kinds() {
    return events().stream().map(Event::kind).toList();
  }

  /** How many records were written with this status. */
  public long written(WriteResult.Status status) {
    requireNonNull(status, "status");
    return events(Kind.RECORD_WRITTEN).stream().filter(e -> e.detail().equals(status.name()))
        .count();
  }

  /** The source records of the events of one kind, in order (repeats kept). */
  public List<RecordRef> sources(Kind kind) {
    return events(kind).stream().flatMap(e -> e.source().stream()).toList();
  }

  /** The result of the last finished run, if one finished. */
  public Optional<SyncResult> lastResult() {
    List<Event> finished = events(Kind.JOB_FINISHED);
    return finished.isEmpty() ? Optional.empty() : finished.get(finished.size() - 1).result();
  }

  /** Forgets every event. */
  public void clear() {
    synchronized (events) {
      events.clear();
    }
  }

  @Override
  public void jobStarted(String jobId) {
    add(Kind.JOB_STARTED, jobId, null, null, "", null);
  }

  @Override
  public void pageRead(String jobId, int records, Cursor next) {
    add(Kind.PAGE_READ, jobId, null, null, String.valueOf(records), null);
  }

  @Override
  public void recordWritten(
      String jobId, RecordRef source, RecordRef target, WriteResult.Status status) {
    add(Kind.RECORD_WRITTEN, jobId, source, target, status.name(), null);
  }

  @Override
  public void recordSkipped(String jobId, RecordRef source, String reason) {
    add(Kind.RECORD_SKIPPED, jobId, source, null, reason, null);
  }

  @Override
  public void recordFailed(String jobId, RecordRef source, String reason) {
    add(Kind.RECORD_FAILED, jobId, source, null, reason, null);
  }

  @Override
  public void recordDeadLettered(String jobId, RecordRef source, String reason) {
    add(Kind.RECORD_DEAD_LETTERED, jobId, source, null, reason, null);
  }

  @Override
  public void recordReplayed(String jobId, RecordRef source, String deadLetterId) {
    add(Kind.RECORD_REPLAYED, jobId, source, null, deadLetterId, null);
  }

  @Override
  public void checkpointSaved(String jobId, Cursor cursor) {
    add(Kind.CHECKPOINT_SAVED, jobId, null, null, cursor.value(), null);
  }

  @Override
  public void progress(String jobId, SyncResult soFar) {
    add(Kind.PROGRESS, jobId, null, null, "", soFar);
  }

  @Override
  public void circuitOpened(String name) {
    add(Kind.CIRCUIT_OPENED, name, null, null, "", null);
  }

  @Override
  public void circuitClosed(String name) {
    add(Kind.CIRCUIT_CLOSED, name, null, null, "", null);
  }

  @Override
  public void jobFinished(String jobId, SyncResult result) {
    add(Kind.JOB_FINISHED, jobId, null, null, "", result);
  }

  @Override
  public void jobFailed(String jobId, Throwable error) {
    add(Kind.JOB_FAILED, jobId, null, null, error.getClass().getName(), null);
  }
}
