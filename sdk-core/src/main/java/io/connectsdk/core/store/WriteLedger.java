package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine last wrote, so it never writes the same content twice and never loses a create
 * whose answer was lost: one {@link LedgerEntry} per target record (content hash, source version,
 * pending create intent, target version), and idempotency keys with the target id their first
 * write produced, kept for a time to live.
 *
 * <p>A target record is addressed by a {@link LedgerKey}: the target's system and type and the
 * stable source reference ({@code system:type:id}) the content came from.
 *
 * <p>The engine talks to the ledger once per page to {@link #load} and once per batch to
 * {@link #commit}; both have defaults that loop over the single-record methods, so a custom ledger
 * implements those five and gets the page-level calls for free (a JDBC ledger overrides them with
 * batched statements). Implementations are thread-safe.
 */
public interface WriteLedger {

  /** The entry of this target record, if the ledger has one. */
  Optional<LedgerEntry> entry(LedgerKey key);

  /** Replaces the entry of this target record. */
  void put(LedgerKey key, LedgerEntry entry);

  /** Forgets this target record (it was deleted). */
  void remove(LedgerKey key);

  /**
   * Remembers the target id the first successful write with this idempotency key produced; later
   * calls for the same live key keep the first id.
   *
   * @throws IllegalArgumentException if {@code ttl} is not positive
   */
  void putKeyResult(String idempotencyKey, String targetId, Duration ttl);

  /** The target id first produced by a write with this key, while the key has not expired. */
  Optional<String> keyResult(String idempotencyKey);

  /**
   * Claims an idempotency key for {@code ttl}, for a caller that must do something at most once
   * per key (e.g. a webhook consumer).
   *
   * @return true if the key was new (or its earlier claim expired), false if it is still claimed
   * @throws IllegalArgumentException if {@code ttl} is not positive
   */
  boolean registerKey(String idempotencyKey, Duration ttl);

  /**
   * Everything the engine must know about a page's records in one call: the entries of
   * {@code keys} and the key results of {@code idempotencyKeys}. The default loops.
   */
  default LedgerPage load(Collection<LedgerKey> keys, Collection<String> idempotencyKeys) {
    Map<LedgerKey, LedgerEntry> entries = new HashMap<>();
    for (LedgerKey key : keys) {
      entry(key).ifPresent(e -> entries.put(key, e));
    }
    Map<String, String> results = new HashMap<>();
    for (String k : idempotencyKeys) {
      keyResult(k).ifPresent(id -> results.put(k, id));
    }
    return new LedgerPage(entries, results);
  }

  /**
   * Applies a batch: key results first, then the entries (replaced, or removed when empty). The
   * default loops; a transactional ledger applies it atomically.
   */
  default void commit(LedgerBatch batch) {
    requireNonNull(batch, "batch");
    batch.keyResults().forEach((k, id) -> putKeyResult(k, id, batch.keyTtl()));
    batch.entries().forEach((key, entry) -> {
      if (entry.isPresent()) {
        put(key, entry.get());
      } else {
        remove(key);
      }
    });
  }

  /** Shorthand for {@link #entry(LedgerKey)}. */
  default Optional<LedgerEntry> entry(String targetSystem, EntityType type, String key) {
    return entry(new LedgerKey(targetSystem, type, key));
  }
}
