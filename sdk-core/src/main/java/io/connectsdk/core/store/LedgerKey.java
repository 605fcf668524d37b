package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;

/**
 * Addresses one target record in the write ledger: the target's system (instance name) and type,
 * and {@code key}, the stable reference of the source record the content came from
 * ({@code system:type:id}), which is known before the target id is.
 */
public record LedgerKey(String targetSystem, EntityType type, String key) {
  public LedgerKey {
    requireNonNull(targetSystem, "targetSystem");
    requireNonNull(type, "type");
    requireNonNull(key, "key");
  }
}
