package io.connectsdk.core.store;

import java.util.Optional;

/**
 * Saves one {@link Checkpoint} per job id; saving again replaces it. Implementations are
 * thread-safe and durable as far as their medium allows (the in-memory one is not durable).
 */
public interface CheckpointStore {

  /** The last saved checkpoint of this job, or empty if the job never saved one. */
  Optional<Checkpoint> load(String jobId);

  /** Saves (replaces) the checkpoint of {@link Checkpoint#jobId()}. */
  void save(Checkpoint checkpoint);
}
