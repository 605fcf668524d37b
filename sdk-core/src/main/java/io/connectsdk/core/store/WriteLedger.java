package io.connectsdk.core.store;

import io.connectsdk.core.EntityType;
import java.time.Duration;
import java.util.Optional;

/**
 * What the engine last wrote, so it never writes the same content twice: the content hash last
 * written per target record, and idempotency keys with a time to live.
 *
 * <p>A target record is addressed by {@code (targetSystem, type, key)} where {@code key} is the
 * target id or, as the sync engine uses it, the stable source reference ({@code system:type:id})
 * the content came from, which is known before the target id is. All values are plain strings so
 * a JDBC implementation is two small tables. Implementations are thread-safe.
 */
public interface WriteLedger {
  /** The key prefix under which the default methods keep source version stamps. */
  String SOURCE_VERSION_PREFIX = "source-version:";

  /** The content hash last written to this target record, if any. */
  Optional<String> lastHash(String targetSystem, EntityType type, String key);

  /** Records that content with this hash is now in this target record (replaces the previous). */
  void putHash(String targetSystem, EntityType type, String key, String contentHash);

  /**
   * Registers an idempotency key for {@code ttl}.
   *
   * @return true if the key was new (or its earlier registration expired), false if it is still
   *     registered from an earlier attempt
   * @throws IllegalArgumentException if {@code ttl} is not positive
   */
  boolean registerKey(String idempotencyKey, Duration ttl);

  /**
   * Remembers the target id the first successful write with this key produced; later calls for the
   * same live key keep the first id. A key that is not registered (or expired) is registered for
   * {@code ttl}; a live key keeps its expiry.
   *
   * @throws IllegalArgumentException if {@code ttl} is not positive
   */
  void putKeyResult(String idempotencyKey, String targetId, Duration ttl);

  /** The target id first produced by a write with this key, while the key has not expired. */
  Optional<String> keyResult(String idempotencyKey);

  /**
   * The version stamp (an opaque string the sync engine writes and reads) of the source record
   * whose content was last written to this target record, if any. The engine uses it to never
   * overwrite a target record with an older copy of its source (a late webhook, a stale dead
   * letter, a change feed listing an old version again).
   *
   * <p>The default keeps the stamp through {@link #lastHash} under the key
   * {@code "source-version:" + key}, so an implementation written before this method existed (and
   * a decorator that forwards only the older methods) keeps the guard. An implementation that
   * stores it elsewhere must override both stamp methods.
   */
  default Optional<String> lastSourceVersion(String targetSystem, EntityType type, String key) {
    return lastHash(targetSystem, type, SOURCE_VERSION_PREFIX + key);
  }

  /** Records the version stamp of the source record just written (replaces the previous). */
  default void putSourceVersion(String targetSystem, EntityType type, String key, String stamp) {
    putHash(targetSystem, type, SOURCE_VERSION_PREFIX + key, stamp);
  }
}
