package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import java.time.Instant;

/**
 * One record a job could not deliver to one target, kept so a person can inspect it, fix the
 * mapping or the data, and replay it. Immutable.
 *
 * @param id the entry's id, stable across attempts
 * @param jobId the job that failed to deliver it
 * @param target the name of the job's target it was meant for
 * @param source the source record's reference
 * @param record the source record as read (fields included), replayed as is
 * @param error the last error
 * @param attempts how many times the record was dead-lettered (1 on first failure)
 * @param firstSeen when it first failed
 * @param lastSeen when it last failed
 */
public record DeadLetter(
    String id,
    String jobId,
    String target,
    RecordRef source,
    Entity record,
    RecordError error,
    int attempts,
    Instant firstSeen,
    Instant lastSeen) {
  public DeadLetter {
    requireNonNull(id, "id");
    requireNonNull(jobId, "jobId");
    requireNonNull(target, "target");
    requireNonNull(source, "source");
    requireNonNull(record, "record");
    requireNonNull(error, "error");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastSeen, "lastSeen");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts < 1: " + attempts);
    }
  }

  /** Identity and error code only: the record's field values stay out of logs. */
  @Override
  public String toString() {
    return "DeadLetter{" + id + " job=" + jobId + " target=" + target + " source=" + source
        + " error=" + error.kind() + "/" + error.code() + " attempts=" + attempts + "}";
  }
}
