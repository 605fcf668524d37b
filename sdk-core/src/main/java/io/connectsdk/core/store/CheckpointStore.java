package io.connectsdk.core.store;

import java.util.Optional;

/**
 * Saves one {@link Checkpoint} per job id; saving again replaces it. Implementations are
 * thread-safe and durable as far as their medium allows (the in-memory one is not durable).
 *
 * <p><b>Fencing.</b> A run first {@link #claim claims} its job, getting a new epoch, and passes that
 * epoch to every later {@link #save(Checkpoint, long)}: once another run has claimed the job, the
 * older run's saves fail with {@link LeaseLostException}, so a run that was paused (a GC pause, a
 * frozen VM) and resumed cannot move a checkpoint backwards. The defaults keep a store written
 * before fencing existed working, unfenced.
 */
public interface CheckpointStore {

  /** The last saved checkpoint of this job, or empty if the job never saved one. */
  Optional<Checkpoint> load(String jobId);

  /** Saves (replaces) the checkpoint of {@link Checkpoint#jobId()}, unconditionally. */
  void save(Checkpoint checkpoint);

  /**
   * Claims the job for a new run: bumps its epoch and returns it with the checkpoint, in one step.
   * The default does not fence: epoch 0 and {@link #load}.
   */
  default JobClaim claim(String jobId) {
    return new JobClaim(jobId, 0, load(jobId));
  }

  /**
   * Saves the checkpoint if {@code epoch} is still the job's current claim.
   *
   * @throws LeaseLostException if another run claimed the job since
   */
  default void save(Checkpoint checkpoint, long epoch) {
    save(checkpoint);
  }
}
