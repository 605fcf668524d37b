package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/** Caffeine-backed, size-bounded {@link OrderingGuard}. Thread-safe. */
final class InMemoryOrderingGuard implements OrderingGuard {
  private final Cache<String, RecordVersion> newest;

  InMemoryOrderingGuard(int maxKeys) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys < 1: " + maxKeys);
    }
    this.newest = Caffeine.newBuilder().maximumSize(maxKeys).executor(Runnable::run).build();
  }

  @Override
  public boolean tryAdvance(String recordKey, RecordVersion version) {
    requireNonNull(recordKey, "recordKey");
    requireNonNull(version, "version");
    boolean[] advanced = {false};
    newest.asMap().compute(recordKey, (key, known) -> {
      if (known == null || version.isNewerThan(known)) {
        advanced[0] = true;
        return version;
      }
      return known;
    });
    return advanced[0];
  }

  @Override
  public void forget(String recordKey, RecordVersion version) {
    requireNonNull(recordKey, "recordKey");
    requireNonNull(version, "version");
    newest.asMap().remove(recordKey, version);
  }

  @Override
  public Optional<RecordVersion> newest(String recordKey) {
    return Optional.ofNullable(newest.getIfPresent(requireNonNull(recordKey, "recordKey")));
  }

  /** Entries held after pending evictions; for tests. */
  long size() {
    newest.cleanUp();
    return newest.estimatedSize();
  }
}
