package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import java.util.List;

/**
 * The dead-letter updates of one committed batch: records that failed (added, or their entries
 * updated) and entries whose records are now delivered (removed). Immutable.
 */
public record DeadLetterBatch(List<Failure> failures, List<String> resolved) {
  public static final DeadLetterBatch EMPTY = new DeadLetterBatch(List.of(), List.of());

  public DeadLetterBatch {
    failures = List.copyOf(requireNonNull(failures, "failures"));
    resolved = List.copyOf(requireNonNull(resolved, "resolved"));
  }

  public boolean isEmpty() {
    return failures.isEmpty() && resolved.isEmpty();
  }

  /** One record that could not be delivered to one target of one job. */
  public record Failure(
      String jobId, String target, RecordRef source, Entity record, RecordError error) {
    public Failure {
      requireNonNull(jobId, "jobId");
      requireNonNull(target, "target");
      requireNonNull(source, "source");
      requireNonNull(record, "record");
      requireNonNull(error, "error");
    }
  }
}
