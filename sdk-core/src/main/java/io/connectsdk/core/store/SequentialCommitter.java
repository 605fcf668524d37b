package io.connectsdk.core.store;

import java.util.List;

/** {@link StoreCommitter#sequential()}. */
final class SequentialCommitter implements StoreCommitter {
  static final SequentialCommitter INSTANCE = new SequentialCommitter();

  private SequentialCommitter() {}

  @Override
  public List<DeadLetter> commit(Stores stores, StoreBatch batch) {
    if (batch.epoch() != 0 && stores.checkpoints() instanceof InMemoryCheckpointStore fenced) {
      fenced.checkEpoch(batch.jobId(), batch.epoch()); // a zombie run writes nothing
    }
    if (!batch.links().isEmpty() || !batch.unlinks().isEmpty()) {
      stores.keyMap().commit(batch.links(), batch.unlinks());
    }
    if (!batch.ledger().isEmpty()) {
      stores.ledger().commit(batch.ledger());
    }
    List<DeadLetter> stored = batch.deadLetters().isEmpty()
        ? List.of() : stores.deadLetters().commit(batch.deadLetters());
    batch.checkpoint().ifPresent(c -> stores.checkpoints().save(c, batch.epoch()));
    return stored;
  }
}
