package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What {@link WriteLedger#load} found for a page's records: their entries (records the ledger does
 * not know are absent) and the target ids remembered for idempotency keys. Immutable.
 */
public record LedgerPage(Map<LedgerKey, LedgerEntry> entries, Map<String, String> keyResults) {
  public static final LedgerPage EMPTY = new LedgerPage(Map.of(), Map.of());

  public LedgerPage {
    entries = Map.copyOf(requireNonNull(entries, "entries"));
    keyResults = Map.copyOf(requireNonNull(keyResults, "keyResults"));
  }

  /** The entry of this record, {@link LedgerEntry#EMPTY} if the ledger has none. */
  public LedgerEntry entry(LedgerKey key) {
    return entries.getOrDefault(key, LedgerEntry.EMPTY);
  }
}
