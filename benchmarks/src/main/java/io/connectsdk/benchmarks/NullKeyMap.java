package io.connectsdk.benchmarks;

import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.KeyMap;
import java.util.Optional;

/**
 * A KeyMap that remembers nothing: every lookup misses. Used only to measure the engine's own
 * memory without the in-memory store's one entry per record. Thread-safe.
 */
final class NullKeyMap implements KeyMap {
  @Override
  public void link(RecordRef a, RecordRef b) {
    java.util.Objects.requireNonNull(a, "a");
    java.util.Objects.requireNonNull(b, "b");
  }

  @Override
  public Optional<RecordRef> lookup(RecordRef from, String targetSystem) {
    return Optional.empty();
  }

  @Override
  public void unlink(RecordRef ref) {
    java.util.Objects.requireNonNull(ref, "ref");
  }
}
