package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A run's claim on its job: the epoch it got by bumping the job's checkpoint row, and the
 * checkpoint read in the same step. Every later save and commit of the run is conditional on the
 * epoch (see {@link CheckpointStore#claim}).
 */
public record JobClaim(String jobId, long epoch, Optional<Checkpoint> checkpoint) {
  public JobClaim {
    requireNonNull(jobId, "jobId");
    requireNonNull(checkpoint, "checkpoint");
  }
}
