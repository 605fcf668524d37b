package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.spi.Cursor;
import java.time.Instant;

/**
 * Where a job resumes: the source cursor after the last page whose every record was written,
 * skipped or dead-lettered, and when it was saved.
 *
 * @param jobId the job
 * @param cursor the source position to read from next
 * @param savedAt when the checkpoint was saved
 */
public record Checkpoint(String jobId, Cursor cursor, Instant savedAt) {
  public Checkpoint {
    requireNonNull(jobId, "jobId");
    requireNonNull(cursor, "cursor");
    requireNonNull(savedAt, "savedAt");
    if (jobId.isEmpty()) {
      throw new IllegalArgumentException("jobId is empty");
    }
  }
}
