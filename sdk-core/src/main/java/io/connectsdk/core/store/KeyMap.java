package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.RecordRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cross-reference of record ids between systems, readable in both directions: once
 * {@code link(bng customer cus_1, sage300 customer 1200)} is stored, looking up either side from
 * the other finds it.
 *
 * <p>Implementations are thread-safe. A link is replaced, not duplicated, when one side is linked
 * again to another record in the same system and type. The page-level {@link #lookupAll} and
 * {@link #commit} default to loops over the single-record methods.
 */
public interface KeyMap {

  /** Links two records in different systems. Idempotent. */
  void link(RecordRef a, RecordRef b);

  /**
   * The record linked to {@code from} in {@code targetSystem} (any type), if any. If several types
   * are linked, the one with the same type as {@code from} wins.
   */
  Optional<RecordRef> lookup(RecordRef from, String targetSystem);

  /** Removes every link of this record. */
  void unlink(RecordRef ref);

  /**
   * The records of {@code targetSystem} and {@code targetType} linked to each of {@code from}; a
   * record without such a link is absent from the map. One call per page.
   */
  default Map<RecordRef, RecordRef> lookupAll(
      Collection<RecordRef> from, String targetSystem, EntityType targetType) {
    requireNonNull(targetType, "targetType");
    Map<RecordRef, RecordRef> found = new HashMap<>();
    for (RecordRef ref : from) {
      lookup(ref, targetSystem).filter(r -> r.type().equals(targetType))
          .ifPresent(r -> found.put(ref, r));
    }
    return found;
  }

  /** Applies a batch's links and unlinks: unlinks first, then links. */
  default void commit(Collection<Link> links, Collection<RecordRef> unlinks) {
    unlinks.forEach(this::unlink);
    links.forEach(l -> link(l.a(), l.b()));
  }

  /** One link between records of two systems. */
  record Link(RecordRef a, RecordRef b) {
    public Link {
      requireNonNull(a, "a");
      requireNonNull(b, "b");
    }
  }
}
