package io.connectsdk.bng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.PermanentException;
import io.connectsdk.core.spi.Cursor;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangeCursorTest {
  @Test
  void encode_parse_roundTrip() {
    ChangeCursor c = new ChangeCursor("2026-11-22T10:00:00.000Z", "abc=",
        "2026-11-22T10:00:00.000Z",
        "cus_000000000007");

    assertThat(ChangeCursor.parse("bng", c.encode())).isEqualTo(c);
    assertThat(ChangeCursor.parse("bng", Cursor.BEGINNING)).isEqualTo(ChangeCursor.START);
  }

  @Test
  void parse_foreignOrGarbledCursor_permanentException() {
    assertThatThrownBy(() -> ChangeCursor.parse("bng", Cursor.of("42")))
        .isInstanceOf(PermanentException.class);
    assertThatThrownBy(() -> ChangeCursor.parse("bng", Cursor.of("b1.!!!")))
        .isInstanceOf(PermanentException.class);
    assertThatThrownBy(() -> ChangeCursor.parse("bng",
        new ChangeCursor("yesterday", "", "", "").encode()))
        .isInstanceOf(PermanentException.class);
  }

  @Test
  void isAfterLast_ordersByUpdatedAtThenId() {
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    ChangeCursor c = ChangeCursor.START.withLast(t.toString(), "cus_5");

    assertThat(c.isAfterLast(t, "cus_5")).isFalse();
    assertThat(c.isAfterLast(t, "cus_4")).isFalse();
    assertThat(c.isAfterLast(t, "cus_6")).isTrue();
    assertThat(c.isAfterLast(t.plusMillis(1), "cus_1")).isTrue();
    assertThat(c.isAfterLast(t.minusMillis(1), "cus_9")).isFalse();
    assertThat(ChangeCursor.START.isAfterLast(t, "cus_1")).isTrue();
  }

  @Test
  void restartAtLast_queriesFromLastUpdatedAtWithoutBngCursor() {
    ChangeCursor c = new ChangeCursor("", "page", "2026-11-22T10:00:00Z", "cus_5").restartAtLast();

    assertThat(c.since()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(c.page()).isEmpty();
    assertThat(c.lastId()).isEqualTo("cus_5");
  }
}
