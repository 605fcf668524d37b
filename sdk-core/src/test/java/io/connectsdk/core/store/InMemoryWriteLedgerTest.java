package io.connectsdk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.EntityType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryWriteLedgerTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  };
  private final InMemoryWriteLedger ledger = new InMemoryWriteLedger(clock);

  private static LedgerKey key(String system, EntityType type) {
    return new LedgerKey(system, type, "bng:customer:1");
  }

  private static LedgerEntry hash(String h) {
    return LedgerEntry.EMPTY.withContentHash(Optional.of(h));
  }

  @Test
  void put_thenEntry_returnsLatestPerTargetRecord() {
    ledger.put(key("sage300", EntityType.CUSTOMER), hash("h1"));
    ledger.put(key("sage300", EntityType.CUSTOMER), hash("h2"));
    ledger.put(key("sage300", EntityType.VENDOR), hash("v"));

    assertThat(ledger.entry(key("sage300", EntityType.CUSTOMER))).contains(hash("h2"));
    assertThat(ledger.entry(key("sage300", EntityType.VENDOR))).contains(hash("v"));
    assertThat(ledger.entry(key("sf", EntityType.CUSTOMER))).isEmpty();
  }

  @Test
  void load_pageOfKeys_returnsKnownEntriesAndKeyResults() {
    ledger.put(key("sage300", EntityType.CUSTOMER), hash("h1"));
    ledger.putKeyResult("k1", "T1", Duration.ofHours(1));

    LedgerPage page = ledger.load(
        List.of(key("sage300", EntityType.CUSTOMER), key("sage300", EntityType.ITEM)),
        List.of("k1", "k2"));

    assertThat(page.entries()).containsOnlyKeys(key("sage300", EntityType.CUSTOMER));
    assertThat(page.entry(key("sage300", EntityType.ITEM))).isEqualTo(LedgerEntry.EMPTY);
    assertThat(page.keyResults()).containsExactly(java.util.Map.entry("k1", "T1"));
  }

  @Test
  void commit_entriesAndKeyResults_appliesBothAndRemovesEmptyOptionals() {
    ledger.put(key("sage300", EntityType.ITEM), hash("old"));
    ledger.commit(new LedgerBatch(java.util.Map.of(
        key("sage300", EntityType.CUSTOMER), Optional.of(hash("h")),
        key("sage300", EntityType.ITEM), Optional.empty()),
        java.util.Map.of("k", "T"), Duration.ofHours(1)));

    assertThat(ledger.entry(key("sage300", EntityType.CUSTOMER))).contains(hash("h"));
    assertThat(ledger.entry(key("sage300", EntityType.ITEM))).isEmpty();
    assertThat(ledger.keyResult("k")).contains("T");
  }

  @Test
  void registerKey_expiredKeyNobodyAsksFor_isEvicted() {
    ledger.registerKey("k", Duration.ofMinutes(1));
    assertThat(ledger.keyCount()).isEqualTo(1);

    now.set(now.get().plus(Duration.ofMinutes(2)));

    assertThat(ledger.keyCount()).isZero();
  }

  @Test
  void registerKey_liveKey_falseUntilExpired() {
    assertThat(ledger.registerKey("k", Duration.ofHours(1))).isTrue();
    assertThat(ledger.registerKey("k", Duration.ofHours(1))).isFalse();

    now.set(now.get().plus(Duration.ofHours(1)));

    assertThat(ledger.registerKey("k", Duration.ofHours(1))).isTrue();
  }

  @Test
  void putKeyResult_keepsFirstTargetIdWhileLive() {
    ledger.registerKey("k", Duration.ofMinutes(10));
    ledger.putKeyResult("k", "T1", Duration.ofMinutes(10));
    ledger.putKeyResult("k", "T2", Duration.ofMinutes(10));

    assertThat(ledger.keyResult("k")).contains("T1");
    assertThat(ledger.registerKey("k", Duration.ofMinutes(10))).isFalse();

    now.set(now.get().plus(Duration.ofMinutes(10)));

    assertThat(ledger.keyResult("k")).isEmpty();
    ledger.putKeyResult("k", "T3", Duration.ofMinutes(10));
    assertThat(ledger.keyResult("k")).contains("T3");
  }

  @Test
  void registerKey_nonPositiveTtl_rejected() {
    assertThatThrownBy(() -> ledger.registerKey("k", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    assertThatThrownBy(() -> ledger.putKeyResult("k", "t", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void entry_namedFields_keptApart() {
    LedgerEntry entry = hash("h1").withSourceVersion(Optional.of("2@x"))
        .withCreateIntent(Optional.of("key")).withTargetVersion(Optional.of("7"));
    ledger.put(key("sage300", EntityType.CUSTOMER), entry);

    LedgerEntry read = ledger.entry(key("sage300", EntityType.CUSTOMER)).orElseThrow();
    assertThat(read.contentHash()).contains("h1");
    assertThat(read.sourceVersion()).contains("2@x");
    assertThat(read.createIntent()).contains("key");
    assertThat(read.targetVersion()).contains("7");
  }
}
