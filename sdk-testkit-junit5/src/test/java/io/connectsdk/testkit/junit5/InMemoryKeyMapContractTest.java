package io.connectsdk.testkit.junit5;

import io.connectsdk.core.store.InMemoryKeyMap;
import io.connectsdk.core.store.KeyMap;

/** The key map contract, kept by the in-memory key map. */
class InMemoryKeyMapContractTest extends KeyMapContractTest {
  @Override
  protected KeyMap newKeyMap() {
    return new InMemoryKeyMap();
  }
}
