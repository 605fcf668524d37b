package io.connectsdk.core;

import static java.util.Objects.requireNonNull;

/**
 * A pointer to one record in one system: {@code (system, type, id)}. Used by the key map, the
 * write ledger and the dead-letter queue. Its {@link #toString()} ({@code system:type:id}) is
 * stable, safe to log, and computed once (the engine uses it as a store key several times per
 * record). Immutable and thread-safe.
 */
public final class RecordRef {
  private final String system;
  private final EntityType type;
  private final String id;
  private final String text;

  public RecordRef(String system, EntityType type, String id) {
    this.system = requireNonNull(system, "system");
    this.type = requireNonNull(type, "type");
    this.id = requireNonNull(id, "id");
    if (system.isEmpty()) {
      throw new IllegalArgumentException("system is empty");
    }
    this.text = system + ":" + type + ":" + id;
  }

  /** The reference of an entity read from its origin system. */
  public static RecordRef of(Entity entity) {
    return new RecordRef(entity.origin(), entity.type(), entity.id());
  }

  public String system() {
    return system;
  }

  public EntityType type() {
    return type;
  }

  public String id() {
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordRef r && r.text.equals(text) && r.system.equals(system)
        && r.type.equals(type);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** {@code system:type:id}. */
  @Override
  public String toString() {
    return text;
  }
}
