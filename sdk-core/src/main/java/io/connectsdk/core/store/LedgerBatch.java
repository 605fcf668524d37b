package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger updates of one committed batch: entries to replace or remove, and the target ids
 * produced under idempotency keys. {@link WriteLedger#commit} applies the key results first, then
 * the entries, so a store that is not transactional and stops half-way leaves records that are
 * written again, never skipped. Immutable.
 *
 * @param entries the new entry per record; an empty optional removes the record's entry
 * @param keyResults target id per idempotency key, remembered for {@code keyTtl}
 * @param keyTtl how long key results are remembered
 */
public record LedgerBatch(
    Map<LedgerKey, Optional<LedgerEntry>> entries, Map<String, String> keyResults, Duration keyTtl) {
  public LedgerBatch {
    entries = java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(requireNonNull(entries, "entries")));
    keyResults = java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(requireNonNull(keyResults, "keyResults")));
    requireNonNull(keyTtl, "keyTtl");
    if (keyTtl.isNegative() || keyTtl.isZero()) {
      throw new IllegalArgumentException("keyTtl must be positive: " + keyTtl);
    }
  }

  public boolean isEmpty() {
    return entries.isEmpty() && keyResults.isEmpty();
  }
}
