package io.connectsdk.core.event;

import java.util.Optional;

/**
 * Out-of-order protection: remembers, per record key, the newest {@link RecordVersion} accepted,
 * and refuses anything not newer, so an old event arriving late never overwrites newer data. Keys
 * and versions are plain values so a durable implementation can replace the in-memory one.
 * Implementations must be thread-safe.
 */
public interface OrderingGuard {
  /**
   * Atomically accepts {@code version} for {@code recordKey} if it is newer than the newest
   * accepted so far (or none is known), and remembers it.
   *
   * @return false if an equal or newer version was accepted before
   */
  boolean tryAdvance(String recordKey, RecordVersion version);

  /**
   * Forgets the key if its newest accepted version is still exactly {@code version}, so a
   * redelivery of an event whose processing failed is accepted again.
   */
  void forget(String recordKey, RecordVersion version);

  /** The newest version accepted for the key, if remembered. */
  Optional<RecordVersion> newest(String recordKey);

  /**
   * An in-memory guard remembering at most {@code maxKeys} keys; when full, some are evicted
   * (Caffeine's frequency-based policy), after which an older event for them gets through again.
   */
  static OrderingGuard inMemory(int maxKeys) {
    return new InMemoryOrderingGuard(maxKeys);
  }
}
