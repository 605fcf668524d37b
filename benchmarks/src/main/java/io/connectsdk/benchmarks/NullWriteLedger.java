package io.connectsdk.benchmarks;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.store.LedgerEntry;
import io.connectsdk.core.store.LedgerKey;
import io.connectsdk.core.store.WriteLedger;
import java.time.Duration;
import java.util.Optional;

/**
 * A WriteLedger that remembers nothing: no hash was ever written and every idempotency key is new.
 * Used only to measure the engine's own memory. Thread-safe.
 */
final class NullWriteLedger implements WriteLedger {
  @Override
  public Optional<LedgerEntry> entry(LedgerKey key) {
    return Optional.empty();
  }

  @Override
  public void put(LedgerKey key, LedgerEntry entry) {}

  @Override
  public void remove(LedgerKey key) {}

  @Override
  public boolean registerKey(String idempotencyKey, Duration ttl) {
    checkTtl(ttl);
    return true;
  }

  @Override
  public void putKeyResult(String idempotencyKey, String targetId, Duration ttl) {
    checkTtl(ttl);
  }

  @Override
  public Optional<String> keyResult(String idempotencyKey) {
    return Optional.empty();
  }

  private static void checkTtl(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
  }
}
