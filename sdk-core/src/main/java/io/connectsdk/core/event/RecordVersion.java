package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * How new a record's state is: its last-update time, its version counter when the system has one,
 * and a hash of the content carried (empty if unknown). Immutable.
 *
 * @param updatedAt the record's last-update time
 * @param version its version counter, if the system keeps one
 * @param contentHash a hash of the record's content (e.g. {@code ContentHash.of(object)}), or ""
 */
public record RecordVersion(Instant updatedAt, OptionalLong version, String contentHash) {
  public RecordVersion {
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(version, "version");
    requireNonNull(contentHash, "contentHash");
  }

  /** A version without a content hash. */
  public RecordVersion(Instant updatedAt, OptionalLong version) {
    this(updatedAt, version, "");
  }

  public static RecordVersion of(Instant updatedAt) {
    return new RecordVersion(updatedAt, OptionalLong.empty());
  }

  public static RecordVersion of(Instant updatedAt, long version) {
    return new RecordVersion(updatedAt, OptionalLong.of(version));
  }

  /** The same stamps with this content hash. */
  public RecordVersion withContentHash(String hash) {
    return new RecordVersion(updatedAt, version, requireNonNull(hash, "hash"));
  }

  /**
   * True if this should replace {@code other}: by version when both have one (a version counter
   * cannot suffer clock skew); otherwise by update time, and when the times are equal, if both
   * carry a content hash and they differ. Two changes within one timestamp tick are both real
   * changes: dropping the second as "not newer" would lose it. Equal stamps with equal (or
   * unknown) content are not newer.
   */
  public boolean isNewerThan(RecordVersion other) {
    requireNonNull(other, "other");
    if (version.isPresent() && other.version.isPresent()) {
      return version.getAsLong() > other.version.getAsLong();
    }
    int byTime = updatedAt.compareTo(other.updatedAt);
    if (byTime != 0) {
      return byTime > 0;
    }
    return !contentHash.isEmpty() && !other.contentHash.isEmpty()
        && !contentHash.equals(other.contentHash);
  }
}
