package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Cursor;
import org.junit.jupiter.api.Test;

class ChangeCursorTest {
  private static final EntityType T = EntityType.CUSTOMER;

  @Test
  void encode_decode_roundTripsState() {
    ChangeCursor c = ChangeCursor.decode(T, Cursor.BEGINNING);
    c.emitted(1, 10, 20_000);
    c.emitted(2, 20, 20_001);
    c.pageDone(2, "https://h/p?$skip=2");
    ChangeCursor back = ChangeCursor.decode(T, c.encode());
    assertThat(back.known(2, 20)).isTrue();
    assertThat(back.known(1, 10)).isFalse(); // an older day than the newest, not the floor
    assertThat(back.resume()).contains("https://h/p?$skip=2");
    assertThat(back.position()).isEqualTo(2);
    assertThat(back.encode()).isEqualTo(c.encode());
  }

  @Test
  void sweepDone_floorBecomesNewestDayAndKeepsOnlyItsRecords() {
    ChangeCursor c = ChangeCursor.decode(T, Cursor.BEGINNING);
    c.emitted(1, 10, 20_000);
    c.emitted(2, 20, 20_001);
    c.observe(20_001);
    c.sweepDone();
    assertThat(c.floor()).contains(20_001);
    assertThat(c.resume()).isEmpty();
    assertThat(c.size()).isEqualTo(1);
    assertThat(c.known(2, 20)).isTrue();
    assertThat(c.known(2, 21)).isFalse();
  }

  @Test
  void emitted_beyondBound_dropsOldestAndStaysBounded() {
    ChangeCursor c = ChangeCursor.decode(T, Cursor.BEGINNING);
    for (int i = 0; i < ChangeCursor.MAX_ENTRIES + 500; i++) {
      c.emitted(i, i, 20_000);
      if (i % 100 == 99) {
        c.pageDone(100, "https://h/p");
      }
    }
    assertThat(c.size()).isLessThanOrEqualTo(ChangeCursor.MAX_ENTRIES);
    assertThat(c.encode().value().length()).isLessThan(40 * 1024);
    assertThat(c.known(ChangeCursor.MAX_ENTRIES + 499, ChangeCursor.MAX_ENTRIES + 499)).isTrue();
  }

  @Test
  void decode_foreignOrCorrupt_isRejected() {
    Cursor c = ChangeCursor.decode(T, Cursor.BEGINNING).encode();
    assertThatThrownBy(() -> ChangeCursor.decode(EntityType.VENDOR, c))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChangeCursor.decode(T, Cursor.of("AAAA")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChangeCursor.decode(T, Cursor.of(c.value() + "AAAA")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
