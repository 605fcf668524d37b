package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link WriteLedger} in memory. Key expiry is read from the injected {@link Clock}; expired keys
 * are dropped when next touched. Thread-safe.
 */
public final class InMemoryWriteLedger implements WriteLedger {
  private final Clock clock;
  private final Map<String, String> hashes = new ConcurrentHashMap<>();
  private final Map<String, KeyEntry> keys = new ConcurrentHashMap<>();

  private record KeyEntry(Instant expiresAt, String targetId) {}

  /** A ledger whose idempotency keys expire by the system UTC clock. */
  public InMemoryWriteLedger() {
    this(Clock.systemUTC());
  }

  public InMemoryWriteLedger(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  private static String slot(String targetSystem, EntityType type, String key) {
    requireNonNull(targetSystem, "targetSystem");
    requireNonNull(type, "type");
    requireNonNull(key, "key");
    // the separator cannot occur in a system name or an entity type name
    return targetSystem + '\u0000' + type.name() + '\u0000' + key;
  }

  @Override
  public Optional<String> lastHash(String targetSystem, EntityType type, String key) {
    return Optional.ofNullable(hashes.get(slot(targetSystem, type, key)));
  }

  @Override
  public void putHash(String targetSystem, EntityType type, String key, String contentHash) {
    hashes.put(slot(targetSystem, type, key), requireNonNull(contentHash, "contentHash"));
  }

  @Override
  public boolean registerKey(String idempotencyKey, Duration ttl) {
    requireNonNull(idempotencyKey, "idempotencyKey");
    Instant expiry = expiry(ttl);
    Instant now = clock.instant();
    boolean[] fresh = {false};
    keys.compute(idempotencyKey, (k, old) -> {
      if (old == null || !old.expiresAt().isAfter(now)) {
        fresh[0] = true;
        return new KeyEntry(expiry, null);
      }
      return old;
    });
    return fresh[0];
  }

  @Override
  public void putKeyResult(String idempotencyKey, String targetId, Duration ttl) {
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(targetId, "targetId");
    Instant expiry = expiry(ttl);
    Instant now = clock.instant();
    keys.compute(idempotencyKey, (k, old) -> {
      if (old == null || !old.expiresAt().isAfter(now)) {
        return new KeyEntry(expiry, targetId);
      }
      return old.targetId() == null ? new KeyEntry(old.expiresAt(), targetId) : old;
    });
  }

  @Override
  public Optional<String> keyResult(String idempotencyKey) {
    KeyEntry entry = keys.get(requireNonNull(idempotencyKey, "idempotencyKey"));
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.expiresAt().isAfter(clock.instant())) {
      keys.remove(idempotencyKey, entry);
      return Optional.empty();
    }
    return Optional.ofNullable(entry.targetId());
  }

  private Instant expiry(Duration ttl) {
    requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    return clock.instant().plus(ttl);
  }
}
