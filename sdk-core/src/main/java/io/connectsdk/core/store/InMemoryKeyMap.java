package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.RecordRef;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link KeyMap} in memory, for tests and single-run jobs. Thread-safe. */
public final class InMemoryKeyMap implements KeyMap {
  /** Per record: its links, keyed by the other side's system and type. */
  private final Map<RecordRef, Map<String, RecordRef>> links = new ConcurrentHashMap<>();

  @Override
  public synchronized void link(RecordRef a, RecordRef b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    if (a.system().equals(b.system())) {
      throw new IllegalArgumentException("cannot link two records of one system: " + a + ", " + b);
    }
    replace(a, b);
    replace(b, a);
  }

  private void replace(RecordRef from, RecordRef to) {
    Map<String, RecordRef> mine = links.computeIfAbsent(from, k -> new ConcurrentHashMap<>());
    RecordRef previous = mine.put(slot(to), to);
    if (previous != null && !previous.equals(to)) {
      Map<String, RecordRef> theirs = links.get(previous);
      if (theirs != null) {
        theirs.remove(slot(from), from);
      }
    }
  }

  private static String slot(RecordRef ref) {
    return ref.system() + ":" + ref.type();
  }

  @Override
  public Optional<RecordRef> lookup(RecordRef from, String targetSystem) {
    Map<String, RecordRef> mine = links.get(requireNonNull(from, "from"));
    if (mine == null) {
      return Optional.empty();
    }
    RecordRef sameType = mine.get(targetSystem + ":" + from.type());
    if (sameType != null) {
      return Optional.of(sameType);
    }
    return mine.values().stream().filter(r -> r.system().equals(targetSystem)).sorted(
        java.util.Comparator.comparing(RecordRef::toString)).findFirst();
  }

  @Override
  public synchronized void unlink(RecordRef ref) {
    Map<String, RecordRef> mine = links.remove(ref);
    if (mine != null) {
      for (RecordRef other : mine.values()) {
        Map<String, RecordRef> theirs = links.get(other);
        if (theirs != null) {
          theirs.remove(slot(ref), ref);
        }
      }
    }
  }
}
