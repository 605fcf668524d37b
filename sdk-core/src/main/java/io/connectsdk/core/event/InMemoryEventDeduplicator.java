package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/** Caffeine-backed {@link EventDeduplicator}: bounded and expiring after write. Thread-safe. */
final class InMemoryEventDeduplicator implements EventDeduplicator {
  private final Cache<String, Boolean> seen;

  InMemoryEventDeduplicator(int maxEntries, Duration ttl, LongSupplier nanoTicker) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries < 1: " + maxEntries);
    }
    requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be > 0: " + ttl);
    }
    requireNonNull(nanoTicker, "nanoTicker");
    this.seen = Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .expireAfterWrite(ttl)
        .ticker(nanoTicker::getAsLong)
        .executor(Runnable::run) // maintenance on the caller: no background threads, deterministic
        .build();
  }

  @Override
  public boolean firstTime(String eventId) {
    requireNonNull(eventId, "eventId");
    return seen.asMap().putIfAbsent(eventId, Boolean.TRUE) == null;
  }

  @Override
  public void forget(String eventId) {
    seen.invalidate(requireNonNull(eventId, "eventId"));
  }

  /** Entries held after pending evictions; for tests. */
  long size() {
    seen.cleanUp();
    return seen.estimatedSize();
  }
}
