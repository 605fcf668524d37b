package io.connectsdk.core.event;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Remembers which event ids have been seen, so a redelivered event is processed once. A durable
 * implementation can replace the in-memory one. Implementations must be thread-safe.
 */
public interface EventDeduplicator {
  /**
   * Atomically marks {@code eventId} as seen.
   *
   * @return true the first time an id is offered (until it expires or is forgotten)
   */
  boolean firstTime(String eventId);

  /** Forgets an id, so its redelivery is processed again (used when processing failed). */
  void forget(String eventId);

  /**
   * An in-memory set holding at most {@code maxEntries} ids, each for {@code ttl} after it was
   * first seen. When full, some ids are evicted early (Caffeine's frequency-based policy); a
   * redelivery of an evicted id gets through, which is why writes must be idempotent too.
   */
  static EventDeduplicator inMemory(int maxEntries, Duration ttl) {
    return new InMemoryEventDeduplicator(maxEntries, ttl, System::nanoTime);
  }

  /** Like {@link #inMemory(int, Duration)} with a nanosecond time source for tests. */
  static EventDeduplicator inMemory(int maxEntries, Duration ttl, LongSupplier nanoTicker) {
    return new InMemoryEventDeduplicator(maxEntries, ttl, nanoTicker);
  }
}
