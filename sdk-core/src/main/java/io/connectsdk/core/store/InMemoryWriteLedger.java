package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link WriteLedger} in memory. Idempotency keys live in a Caffeine cache whose ticker is the
 * injected {@link Clock}, so an expired key is evicted even if nobody asks for it again. Thread-safe.
 */
public final class InMemoryWriteLedger implements WriteLedger {
  private final Clock clock;
  private final Map<LedgerKey, LedgerEntry> entries = new ConcurrentHashMap<>();
  private final Cache<String, KeyEntry> keys;

  /** A key's target id (empty while only registered) and when it expires. */
  private record KeyEntry(Instant expiresAt, Optional<String> targetId) {}

  /** A ledger whose idempotency keys expire by the system UTC clock. */
  public InMemoryWriteLedger() {
    this(Clock.systemUTC());
  }

  public InMemoryWriteLedger(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    this.keys = Caffeine.newBuilder()
        .ticker(() -> clock.millis() * 1_000_000L)
        .expireAfter(new Expiry<String, KeyEntry>() {
          @Override
          public long expireAfterCreate(String key, KeyEntry value, long currentTime) {
            return nanosUntil(value.expiresAt());
          }

          @Override
          public long expireAfterUpdate(String key, KeyEntry value, long currentTime,
              long currentDuration) {
            return nanosUntil(value.expiresAt());
          }

          @Override
          public long expireAfterRead(String key, KeyEntry value, long currentTime,
              long currentDuration) {
            return currentDuration;
          }
        })
        .executor(Runnable::run)
        .build();
  }

  private long nanosUntil(Instant at) {
    return Math.max(0, Duration.between(clock.instant(), at).toNanos());
  }

  @Override
  public Optional<LedgerEntry> entry(LedgerKey key) {
    return Optional.ofNullable(entries.get(requireNonNull(key, "key")));
  }

  @Override
  public void put(LedgerKey key, LedgerEntry entry) {
    requireNonNull(key, "key");
    requireNonNull(entry, "entry");
    if (entry.isEmpty()) {
      entries.remove(key);
    } else {
      entries.put(key, entry);
    }
  }

  @Override
  public void remove(LedgerKey key) {
    entries.remove(requireNonNull(key, "key"));
  }

  @Override
  public boolean registerKey(String idempotencyKey, Duration ttl) {
    requireNonNull(idempotencyKey, "idempotencyKey");
    Instant expiry = expiry(ttl);
    boolean[] fresh = {false};
    keys.asMap().compute(idempotencyKey, (k, old) -> {
      if (old == null || !live(old)) {
        fresh[0] = true;
        return new KeyEntry(expiry, Optional.empty());
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
    keys.asMap().compute(idempotencyKey, (k, old) -> {
      if (old == null || !live(old)) {
        return new KeyEntry(expiry, Optional.of(targetId));
      }
      return old.targetId().isEmpty() ? new KeyEntry(old.expiresAt(), Optional.of(targetId)) : old;
    });
  }

  @Override
  public Optional<String> keyResult(String idempotencyKey) {
    KeyEntry entry = keys.getIfPresent(requireNonNull(idempotencyKey, "idempotencyKey"));
    return entry == null || !live(entry) ? Optional.empty() : entry.targetId();
  }

  /** How many idempotency keys are held (expired ones are evicted as the clock moves). */
  public long keyCount() {
    keys.cleanUp();
    return keys.estimatedSize();
  }

  private boolean live(KeyEntry entry) {
    return entry.expiresAt().isAfter(clock.instant());
  }

  private Instant expiry(Duration ttl) {
    requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    return clock.instant().plus(ttl);
  }
}
