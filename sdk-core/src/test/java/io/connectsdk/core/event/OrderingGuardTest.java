package io.connectsdk.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderingGuardTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private final OrderingGuard guard = OrderingGuard.inMemory(100);

  @Test
  void tryAdvance_olderUpdatedAt_refused() {
    assertThat(guard.tryAdvance("order:1", RecordVersion.of(T0.plusSeconds(5)))).isTrue();

    assertThat(guard.tryAdvance("order:1", RecordVersion.of(T0))).isFalse();
    assertThat(guard.tryAdvance("order:1", RecordVersion.of(T0.plusSeconds(5)))).isFalse();
    assertThat(guard.tryAdvance("order:1", RecordVersion.of(T0.plusSeconds(6)))).isTrue();
    assertThat(guard.newest("order:1")).contains(RecordVersion.of(T0.plusSeconds(6)));
  }

  @Test
  void tryAdvance_olderVersion_refusedEvenWithLaterTimestamp() {
    guard.tryAdvance("order:1", RecordVersion.of(T0, 7));

    assertThat(guard.tryAdvance("order:1", RecordVersion.of(T0.plusSeconds(60), 6))).isFalse();
    assertThat(guard.tryAdvance("order:1", RecordVersion.of(T0.minusSeconds(60), 8))).isTrue();
  }

  @Test
  void tryAdvance_versionOnOneSideOnly_comparesUpdatedAt() {
    guard.tryAdvance("order:1", RecordVersion.of(T0, 7));

    assertThat(guard.tryAdvance("order:1", RecordVersion.of(T0))).isFalse();
    assertThat(guard.tryAdvance("order:1", RecordVersion.of(T0.plusMillis(1)))).isTrue();
  }

  @Test
  void tryAdvance_keysIndependent() {
    guard.tryAdvance("order:1", RecordVersion.of(T0, 9));

    assertThat(guard.tryAdvance("order:2", RecordVersion.of(T0, 1))).isTrue();
    assertThat(guard.tryAdvance("customer:1", RecordVersion.of(T0, 1))).isTrue();
  }

  @Test
  void forget_onlyIfStillNewest() {
    guard.tryAdvance("order:1", RecordVersion.of(T0, 1));
    guard.tryAdvance("order:1", RecordVersion.of(T0, 2));

    guard.forget("order:1", RecordVersion.of(T0, 1));
    assertThat(guard.newest("order:1")).contains(RecordVersion.of(T0, 2));

    guard.forget("order:1", RecordVersion.of(T0, 2));
    assertThat(guard.newest("order:1")).isEmpty();
    assertThat(guard.tryAdvance("order:1", RecordVersion.of(T0, 2))).isTrue();
  }

  @Test
  void inMemory_manyKeys_boundedByMaxKeys() {
    InMemoryOrderingGuard small = new InMemoryOrderingGuard(5);
    for (int i = 0; i < 500; i++) {
      small.tryAdvance("order:" + i, RecordVersion.of(T0, i));
    }

    assertThat(small.size()).isEqualTo(5);
  }
}
