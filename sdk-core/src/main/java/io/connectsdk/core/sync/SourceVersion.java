package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How new a source record is: its version counter when it has one, and its {@code updatedAt}.
 * Stored in the write ledger per target record (as {@link #encode()}) so an older copy of a record
 * never overwrites a newer one already written.
 *
 * <p>Two stamps are compared by version when both have one (unless the times contradict it),
 * else by {@code updatedAt}; an
 * {@code updatedAt} of {@link Instant#EPOCH} means "unknown" (the {@link Entity} default) and
 * compares as neither older nor newer, so sources without timestamps are never skipped by it.
 */
record SourceVersion(OptionalLong version, Instant updatedAt) {

  static SourceVersion of(Entity entity) {
    return new SourceVersion(entity.version(), entity.updatedAt());
  }

  /**
   * True only if this stamp is known to be older than {@code other}. A lower version with a later
   * {@code updatedAt} is not older: the record was deleted and made again, restarting its counter.
   */
  boolean isOlderThan(SourceVersion other) {
    boolean timesKnown = !updatedAt.equals(Instant.EPOCH) && !other.updatedAt.equals(Instant.EPOCH);
    if (version.isPresent() && other.version.isPresent()) {
      return version.getAsLong() < other.version.getAsLong()
          && !(timesKnown && updatedAt.isAfter(other.updatedAt));
    }
    return timesKnown && updatedAt.isBefore(other.updatedAt);
  }

  /** {@code <version>@<updatedAt>}, the version empty if there is none. */
  String encode() {
    return (version.isPresent() ? Long.toString(version.getAsLong()) : "") + "@" + updatedAt;
  }

  /** Parses {@link #encode()}; empty for a value this class did not write. */
  static Optional<SourceVersion> parse(String stamp) {
    int at = stamp.indexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    try {
      OptionalLong version = at == 0
          ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(stamp.substring(0, at)));
      return Optional.of(new SourceVersion(version, Instant.parse(stamp.substring(at + 1))));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
