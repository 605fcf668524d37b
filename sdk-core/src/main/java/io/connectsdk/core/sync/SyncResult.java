package io.connectsdk.core.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Counts of one job run. Record counts ({@code created} to {@code deadLettered}) count records,
 * each once per target; the last three count calls and requests.
 *
 * @param jobId the job
 * @param read records read from the source
 * @param created records created in targets
 * @param updated records updated in targets
 * @param deleted records deleted in targets (propagated tombstones)
 * @param unchanged records not written because the mapped content equals what was last written
 *     (including reads of our own writes in two-way sync), the target reported no change, a later
 *     change of the same record in the page superseded it, the conflict policy kept a newer target
 *     record, or an event named a record no longer in the source
 * @param failedAttempts write attempts that failed for a record (a record retried and then written
 *     counts here and in created/updated); not a count of records
 * @param deadLettered records sent to the dead-letter queue
 * @param conflicts writes the target refused as a version conflict (resolved by the conflict
 *     policy, then written, skipped or dead-lettered)
 * @param warnings successful writes the target qualified with warnings
 * @param connectorCalls calls the engine made to connectors (reads, writes, lookups)
 * @param httpRequests requests the job's connectors sent on the wire during the run (a call may
 *     send several: a lookup, a retry, a token renewal); -1 if no connector counts them. A
 *     connector shared with another job running at the same time counts that job's requests too.
 * @param circuitOpenings times a connector's circuit breaker opened during the run
 * @param duration wall time of the run
 */
public record SyncResult(
    String jobId,
    long read,
    long created,
    long updated,
    long deleted,
    long unchanged,
    long failedAttempts,
    long deadLettered,
    long conflicts,
    long warnings,
    long connectorCalls,
    long httpRequests,
    long circuitOpenings,
    Duration duration) {
  public SyncResult {
    requireNonNull(jobId, "jobId");
    requireNonNull(duration, "duration");
  }

  /** Records written (created, updated or deleted). */
  public long written() {
    return created + updated + deleted;
  }
}
