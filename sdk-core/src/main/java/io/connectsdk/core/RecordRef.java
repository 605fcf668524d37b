package io.connectsdk.core;

import static java.util.Objects.requireNonNull;

/**
 * A pointer to one record in one system: {@code (system, type, id)}. Used by the key map, the
 * write ledger and the dead-letter queue. Its {@link #toString()} ({@code system:type:id}) is
 * stable and safe to log.
 */
public record RecordRef(String system, EntityType type, String id) {
  public RecordRef {
    requireNonNull(system, "system");
    requireNonNull(type, "type");
    requireNonNull(id, "id");
    if (system.isEmpty()) {
      throw new IllegalArgumentException("system is empty");
    }
  }

  /** The reference of an entity read from its origin system. */
  public static RecordRef of(Entity entity) {
    return new RecordRef(entity.origin(), entity.type(), entity.id());
  }

  @Override
  public String toString() {
    return system + ":" + type + ":" + id;
  }
}
