package io.connectsdk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.EntityType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
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

  @Test
  void putHash_thenLastHash_returnsLatestPerTargetRecord() {
    ledger.putHash("sage300", EntityType.CUSTOMER, "bng:customer:1", "h1");
    ledger.putHash("sage300", EntityType.CUSTOMER, "bng:customer:1", "h2");
    ledger.putHash("sage300", EntityType.VENDOR, "bng:customer:1", "v");

    assertThat(ledger.lastHash("sage300", EntityType.CUSTOMER, "bng:customer:1")).contains("h2");
    assertThat(ledger.lastHash("sage300", EntityType.VENDOR, "bng:customer:1")).contains("v");
    assertThat(ledger.lastHash("sf", EntityType.CUSTOMER, "bng:customer:1")).isEmpty();
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
  void putSourceVersion_thenLastSourceVersion_keptApartFromHashes() {
    ledger.putHash("sage300", EntityType.CUSTOMER, "bng:customer:1", "h1");
    ledger.putSourceVersion("sage300", EntityType.CUSTOMER, "bng:customer:1", "2@x");

    assertThat(ledger.lastSourceVersion("sage300", EntityType.CUSTOMER, "bng:customer:1"))
        .contains("2@x");
    assertThat(ledger.lastHash("sage300", EntityType.CUSTOMER, "bng:customer:1")).contains("h1");
    assertThat(ledger.lastSourceVersion("sage300", EntityType.ITEM, "bng:customer:1")).isEmpty();
  }
}
