package io.connectsdk.core.store;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records a job could not deliver, one entry per {@code (job, target, source record)}: adding the
 * same source record again updates its entry (attempts + 1, last error, lastSeen, latest record)
 * instead of adding a second one. Entries leave the queue when replayed successfully or discarded.
 * The page-level {@link #findAll} and {@link #commit} default to loops over the single-entry
 * methods. Implementations are thread-safe.
 */
public interface DeadLetterQueue {

  /**
   * Adds a failed record, or updates its existing entry.
   *
   * @return the entry as stored
   */
  DeadLetter add(String jobId, String target, RecordRef source, Entity record, RecordError error);

  /** The entries of one job, oldest first, {@code limit} of them starting at {@code offset}. */
  List<DeadLetter> list(String jobId, int offset, int limit);

  /** One entry by id. */
  Optional<DeadLetter> get(String id);

  /** The entry of this source record for this job and target, if any. */
  Optional<DeadLetter> find(String jobId, String target, RecordRef source);

  /** Removes an entry whose record has now been written. Returns false if there was none. */
  boolean markReplayed(String id);

  /** Removes an entry a person decided not to deliver. Returns false if there was none. */
  boolean discard(String id);

  /** How many entries this job has. */
  long count(String jobId);

  /** The entries of these source records for this job and target; records without one are absent. */
  default Map<RecordRef, DeadLetter> findAll(
      String jobId, String target, Collection<RecordRef> sources) {
    Map<RecordRef, DeadLetter> found = new HashMap<>();
    for (RecordRef ref : sources) {
      find(jobId, target, ref).ifPresent(e -> found.put(ref, e));
    }
    return found;
  }

  /**
   * Applies a batch: removes the resolved entries, then adds (or updates) the failures.
   *
   * @return the entries as stored for the failures, in order
   */
  default List<DeadLetter> commit(DeadLetterBatch batch) {
    batch.resolved().forEach(this::markReplayed);
    List<DeadLetter> stored = new ArrayList<>(batch.failures().size());
    for (DeadLetterBatch.Failure f : batch.failures()) {
      stored.add(add(f.jobId(), f.target(), f.source(), f.record(), f.error()));
    }
    return stored;
  }
}
