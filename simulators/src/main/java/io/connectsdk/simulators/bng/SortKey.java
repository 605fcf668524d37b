package io.connectsdk.simulators.bng;

import java.time.Instant;
import java.util.Comparator;

/** A record's place in list order: (updated_at, id). */
record SortKey(Instant updatedAt, String id) implements Comparable<SortKey> {
  private static final Comparator<SortKey> ORDER =
      Comparator.comparing(SortKey::updatedAt).thenComparing(SortKey::id);

  @Override
  public int compareTo(SortKey other) {
    return ORDER.compare(this, other);
  }
}
