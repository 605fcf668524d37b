package io.connectsdk.core.store;

import io.connectsdk.core.RecordRef;
import java.util.Optional;

/**
 * The cross-reference of record ids between systems, readable in both directions: once
 * {@code link(bng customer cus_1, sage300 customer 1200)} is stored, looking up either side from
 * the other finds it.
 *
 * <p>Implementations are thread-safe. A link is replaced, not duplicated, when one side is linked
 * again to another record in the same system and type.
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
}
