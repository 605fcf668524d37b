package io.connectsdk.core.store;

import java.util.List;

/**
 * Commits a {@link StoreBatch} to a job's {@link Stores}. The sync engine calls it once per written
 * batch; it is the one place a durable implementation makes a batch's bookkeeping (and a page's
 * checkpoint) atomic and fences it by the run's epoch.
 */
@FunctionalInterface
public interface StoreCommitter {

  /**
   * Commits the batch.
   *
   * @return the dead-letter entries as stored for the batch's failures, in order
   * @throws LeaseLostException if the batch's epoch is no longer the job's claim (nothing is
   *     committed then, where the stores allow checking first)
   */
  List<DeadLetter> commit(Stores stores, StoreBatch batch);

  /**
   * Applies a batch store by store, one call per store with something to do: the checkpoint
   * store's fence is checked first (for fenced stores), then key-map links, then the ledger (key
   * results, then entries), then dead letters, then the checkpoint. Stopping between any two
   * steps leaves records that are written again on the next run, never skipped or duplicated.
   */
  static StoreCommitter sequential() {
    return SequentialCommitter.INSTANCE;
  }
}
