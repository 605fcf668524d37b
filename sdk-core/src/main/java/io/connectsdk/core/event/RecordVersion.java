package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * How new a record's state is: its last-update time and, when the system has one, its version
 * counter. Immutable.
 */
public record RecordVersion(Instant updatedAt, OptionalLong version) {
  public RecordVersion {
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(version, "version");
  }

  public static RecordVersion of(Instant updatedAt) {
    return new RecordVersion(updatedAt, OptionalLong.empty());
  }

  public static RecordVersion of(Instant updatedAt, long version) {
    return new RecordVersion(updatedAt, OptionalLong.of(version));
  }

  /**
   * True if this is strictly newer than {@code other}: by version when both have one (a version
   * counter cannot suffer clock skew), otherwise by update time. Equal is not newer.
   */
  public boolean isNewerThan(RecordVersion other) {
    requireNonNull(other, "other");
    if (version.isPresent() && other.version.isPresent()) {
      return version.getAsLong() > other.version.getAsLong();
    }
    return updatedAt.isAfter(other.updatedAt);
  }
}
