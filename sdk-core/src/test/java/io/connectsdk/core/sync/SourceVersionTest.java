package io.connectsdk.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SourceVersionTest {
  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  private static SourceVersion v(long version, Instant at) {
    return new SourceVersion(OptionalLong.of(version), at);
  }

  private static SourceVersion t(Instant at) {
    return new SourceVersion(OptionalLong.empty(), at);
  }

  @Test
  void isOlderThan_bothVersioned_comparesVersions() {
    assertThat(v(1, T).isOlderThan(v(2, T))).isTrue();
    assertThat(v(1, T.minusSeconds(60)).isOlderThan(v(2, T))).isTrue();
    assertThat(v(2, T).isOlderThan(v(1, T))).isFalse();
    assertThat(v(2, T).isOlderThan(v(2, T.plusSeconds(60)))).isFalse();
  }

  @Test
  void isOlderThan_lowerVersionButLaterTime_isNotOlder() {
    // deleted and created again: the counter restarted
    assertThat(v(1, T.plusSeconds(60)).isOlderThan(v(5, T))).isFalse();
    assertThat(v(1, Instant.EPOCH).isOlderThan(v(5, T))).isTrue();
  }

  @Test
  void isOlderThan_versionMissingOnOneSide_comparesUpdatedAt() {
    assertThat(t(T).isOlderThan(v(1, T.plusSeconds(1)))).isTrue();
    assertThat(v(9, T.plusSeconds(1)).isOlderThan(t(T))).isFalse();
    assertThat(t(T).isOlderThan(t(T))).isFalse();
  }

  @Test
  void isOlderThan_unknownUpdatedAt_isNeverOlder() {
    assertThat(t(Instant.EPOCH).isOlderThan(t(T))).isFalse();
    assertThat(t(T).isOlderThan(t(Instant.EPOCH))).isFalse();
  }

  @Test
  void parse_encoded_roundTrips() {
    assertThat(SourceVersion.parse(v(42, T).encode())).contains(v(42, T));
    assertThat(SourceVersion.parse(t(T).encode())).contains(t(T));
    Entity e = Entity.builder(EntityType.CUSTOMER, "c1").version(3).updatedAt(T).build();
    assertThat(SourceVersion.of(e)).isEqualTo(v(3, T));
  }

  @Test
  void parse_foreignValue_isEmpty() {
    assertThat(SourceVersion.parse("abc")).isEmpty();
    assertThat(SourceVersion.parse("x@2026-11-22T10:00:00Z")).isEmpty();
    assertThat(SourceVersion.parse("1@yesterday")).isEmpty();
  }
}
