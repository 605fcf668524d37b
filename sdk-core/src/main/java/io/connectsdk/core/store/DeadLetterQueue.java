package io.connectsdk.core.store;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import java.util.List;
import java.util.Optional;

/**
 * Records a job could not deliver, one entry per {@code (job, target, source record)}: adding the
 * same source record again updates its entry (attempts + 1, last error, lastSeen, latest record)
 * instead of adding a second one. Entries leave the queue when replayed successfully or discarded.
 * Implementations are thread-safe.
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
}
