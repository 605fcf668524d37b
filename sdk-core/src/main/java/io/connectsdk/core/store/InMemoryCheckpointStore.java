package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CheckpointStore} in memory, for tests and single-process jobs. Thread-safe. */
public final class InMemoryCheckpointStore implements CheckpointStore {
  private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

  @Override
  public Optional<Checkpoint> load(String jobId) {
    return Optional.ofNullable(checkpoints.get(requireNonNull(jobId, "jobId")));
  }

  @Override
  public void save(Checkpoint checkpoint) {
    requireNonNull(checkpoint, "checkpoint");
    checkpoints.put(checkpoint.jobId(), checkpoint);
  }
}
