package io.connectsdk.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventDeduplicatorTest {
  private final AtomicLong nanos = new AtomicLong();

  @Test
  void firstTime_repeatedId_trueOnlyOnce() {
    EventDeduplicator d = EventDeduplicator.inMemory(100, Duration.ofHours(1), nanos::get);

    assertThat(d.firstTime("evt_1")).isTrue();
    assertThat(d.firstTime("evt_1")).isFalse();
    assertThat(d.firstTime("evt_2")).isTrue();
  }

  @Test
  void firstTime_afterTtl_trueAgain() {
    EventDeduplicator d = EventDeduplicator.inMemory(100, Duration.ofMinutes(10), nanos::get);
    d.firstTime("evt_1");

    nanos.addAndGet(Duration.ofMinutes(10).minusNanos(1).toNanos());
    assertThat(d.firstTime("evt_1")).isFalse();

    nanos.addAndGet(Duration.ofMinutes(10).toNanos());
    assertThat(d.firstTime("evt_1")).isTrue();
  }

  @Test
  void forget_id_processedAgain() {
    EventDeduplicator d = EventDeduplicator.inMemory(100, Duration.ofHours(1), nanos::get);
    d.firstTime("evt_1");

    d.forget("evt_1");

    assertThat(d.firstTime("evt_1")).isTrue();
  }

  @Test
  void inMemory_manyIds_boundedByMaxEntries() {
    InMemoryEventDeduplicator d =
        new InMemoryEventDeduplicator(10, Duration.ofHours(1), nanos::get);
    for (int i = 0; i < 1000; i++) {
      d.firstTime("evt_" + i);
    }

    assertThat(d.size()).isEqualTo(10);
  }

  @Test
  void inMemory_badArguments_rejected() {
    assertThatThrownBy(() -> EventDeduplicator.inMemory(0, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventDeduplicator.inMemory(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
