package io.connectsdk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.RecordRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryDeadLetterQueueTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final RecordError BAD =
      new RecordError(ErrorKind.PERMANENT, "RecordInvalid", "bad", "Email");

  private static Entity record(String id) {
    return Entity.builder(EntityType.CUSTOMER, id).origin("bng").field("name", "n" + id).build();
  }

  private static RecordRef ref(String id) {
    return new RecordRef("bng", EntityType.CUSTOMER, id);
  }

  @Test
  void add_sameRecordTwice_oneEntryWithMoreAttemptsAndLastSeen() {
    InMemoryDeadLetterQueue q = new InMemoryDeadLetterQueue(Clock.fixed(T0, ZoneOffset.UTC));
    DeadLetter first = q.add("job", "sage", ref("1"), record("1"), BAD);
    RecordError worse = new RecordError(ErrorKind.TRANSIENT, "Busy", "busy", "");

    DeadLetter second = q.add("job", "sage", ref("1"), record("1"), worse);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(second.error()).isEqualTo(worse);
    assertThat(second.firstSeen()).isEqualTo(T0);
    assertThat(q.count("job")).isEqualTo(1);
  }

  @Test
  void add_laterFailure_updatesLastSeenKeepsFirstSeen() {
    Instant[] now = {T0};
    Clock clock = new Clock() {
      @Override
      public Instant instant() {
        return now[0];
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
    InMemoryDeadLetterQueue q = new InMemoryDeadLetterQueue(clock);
    q.add("job", "sage", ref("1"), record("1"), BAD);
    now[0] = T0.plus(Duration.ofHours(2));

    DeadLetter again = q.add("job", "sage", ref("1"), record("1"), BAD);

    assertThat(again.firstSeen()).isEqualTo(T0);
    assertThat(again.lastSeen()).isEqualTo(T0.plus(Duration.ofHours(2)));
  }

  @Test
  void list_pagedPerJobInOrder() {
    InMemoryDeadLetterQueue q = new InMemoryDeadLetterQueue(Clock.fixed(T0, ZoneOffset.UTC));
    for (int i = 1; i <= 5; i++) {
      q.add("job", "sage", ref(String.valueOf(i)), record(String.valueOf(i)), BAD);
    }
    q.add("other", "sage", ref("1"), record("1"), BAD);
    q.add("job", "sf", ref("1"), record("1"), BAD); // another target: its own entry

    assertThat(q.list("job", 0, 2)).extracting(d -> d.source().id()).containsExactly("1", "2");
    assertThat(q.list("job", 4, 10)).extracting(DeadLetter::target)
        .containsExactly("sage", "sf");
    assertThat(q.count("job")).isEqualTo(6);
    assertThat(q.count("other")).isEqualTo(1);
    assertThatThrownBy(() -> q.list("job", -1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> q.list("job", 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void markReplayedAndDiscard_removeEntryOnce() {
    InMemoryDeadLetterQueue q = new InMemoryDeadLetterQueue(Clock.fixed(T0, ZoneOffset.UTC));
    DeadLetter a = q.add("job", "sage", ref("1"), record("1"), BAD);
    DeadLetter b = q.add("job", "sage", ref("2"), record("2"), BAD);

    assertThat(q.get(a.id())).contains(a);
    assertThat(q.find("job", "sage", ref("2"))).contains(b);
    assertThat(q.markReplayed(a.id())).isTrue();
    assertThat(q.markReplayed(a.id())).isFalse();
    assertThat(q.discard(b.id())).isTrue();
    assertThat(q.count("job")).isZero();
    assertThat(q.find("job", "sage", ref("2"))).isEmpty();
    // a new failure after removal starts over
    assertThat(q.add("job", "sage", ref("1"), record("1"), BAD).attempts()).isEqualTo(1);
  }

  @Test
  void toString_hidesFieldValues() {
    InMemoryDeadLetterQueue q = new InMemoryDeadLetterQueue(Clock.fixed(T0, ZoneOffset.UTC));
    DeadLetter d = q.add("job", "sage", ref("1"), record("1"), BAD);

    assertThat(d.toString()).contains("bng:customer:1", "RecordInvalid").doesNotContain("n1");
  }
}
