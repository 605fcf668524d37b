package io.connectsdk.testkit.junit5;

import io.connectsdk.core.store.CheckpointStore;
import io.connectsdk.core.store.InMemoryCheckpointStore;

/** The checkpoint store contract, kept by the in-memory store. */
class InMemoryCheckpointStoreContractTest extends CheckpointStoreContractTest {
  @Override
  protected CheckpointStore newStore() {
    return new InMemoryCheckpointStore();
  }
}
