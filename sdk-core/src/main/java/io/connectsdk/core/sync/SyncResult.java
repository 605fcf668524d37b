package io.connectsdk.core.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Counts of one job run.
 *
 * @param jobId the job
 * @param read records read from the source
 * @param created records created in targets
 * @param updated records updated in targets
 * @param unchanged records not written because the mapped content equals what was last written
 *     (including reads of our own writes in two-way sync), the target reported no change, a later
 *     change of the same record in the page superseded it, the conflict policy kept a newer target
 *     record, or an event named a record no longer in the source
 * @param failed write attempts that failed (a record retried and then written counts here and in
 *     created/updated)
 * @param deadLettered records sent to the dead-letter queue
 * @param apiCalls calls made to connectors (reads and writes)
 * @param duration wall time of the run
 */
public record SyncResult(
    String jobId,
    long read,
    long created,
    long updated,
    long unchanged,
    long failed,
    long deadLettered,
    long apiCalls,
    Duration duration) {
  public SyncResult {
    requireNonNull(jobId, "jobId");
    requireNonNull(duration, "duration");
  }
}
