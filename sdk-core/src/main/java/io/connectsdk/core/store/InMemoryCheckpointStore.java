package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CheckpointStore} in memory, for tests and single-process jobs, fenced by epoch like a
 * durable one. Thread-safe.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {
  private final Map<String, Checkpoint> checkpoints = new HashMap<>();
  private final Map<String, Long> epochs = new HashMap<>();

  @Override
  public synchronized Optional<Checkpoint> load(String jobId) {
    return Optional.ofNullable(checkpoints.get(requireNonNull(jobId, "jobId")));
  }

  @Override
  public synchronized void save(Checkpoint checkpoint) {
    requireNonNull(checkpoint, "checkpoint");
    checkpoints.put(checkpoint.jobId(), checkpoint);
  }

  @Override
  public synchronized JobClaim claim(String jobId) {
    long epoch = epochs.merge(requireNonNull(jobId, "jobId"), 1L, Long::sum);
    return new JobClaim(jobId, epoch, Optional.ofNullable(checkpoints.get(jobId)));
  }

  @Override
  public synchronized void save(Checkpoint checkpoint, long epoch) {
    requireNonNull(checkpoint, "checkpoint");
    checkEpoch(checkpoint.jobId(), epoch);
    checkpoints.put(checkpoint.jobId(), checkpoint);
  }

  /**
   * Throws {@link LeaseLostException} unless {@code epoch} is the job's current claim (epoch 0, an
   * unfenced caller, always passes).
   */
  public synchronized void checkEpoch(String jobId, long epoch) {
    long current = epochs.getOrDefault(jobId, 0L);
    if (epoch != 0 && epoch != current) {
      throw new LeaseLostException(jobId, epoch, current);
    }
  }
}
