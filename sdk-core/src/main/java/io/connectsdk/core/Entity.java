package io.connectsdk.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One immutable record of one system: its type, its native id, its fields as a JSON object (nested
 * objects and line arrays allowed), when it last changed, an optional version and the system it
 * came from.
 *
 * <p>The fields are copied on the way in and on the way out of {@link #fields()}, so no caller can
 * change an entity after it is built. {@link #field(String)} returns a scalar without copying.
 * Composite native ids are encoded with {@link CompositeKey#encode()}. Instances are thread-safe.
 *
 * <pre>{@code
 * Entity customer = Entity.builder(EntityType.CUSTOMER, "1200")
 *     .origin("sage300")
 *     .updatedAt(Instant.parse("2026-11-22T10:00:00Z"))
 *     .field("CustomerName", "Ronald Black")
 *     .build();
 * }</pre>
 */
public final class Entity {
  private final EntityType type;
  private final String id;
  private final ObjectNode fields;
  private final Instant updatedAt;
  private final Long version;
  private final String origin;
  private final boolean deleted;

  private Entity(Builder b, ObjectNode ownedFields) {
    this.type = b.type;
    this.id = b.id;
    this.fields = ownedFields;
    this.updatedAt = b.updatedAt;
    this.version = b.version;
    this.origin = b.origin;
    this.deleted = b.deleted;
  }

  /**
   * A tombstone: the record with this id was deleted in its system. {@link
   * io.connectsdk.core.spi.Connector#readChanges} returns one when its capabilities say
   * {@code tombstones()}; it has no fields.
   */
  public static Entity tombstone(EntityType type, String id, String origin, Instant deletedAt) {
    return builder(type, id).origin(origin).updatedAt(deletedAt).deleted().build();
  }

  /** Starts an entity of this type and native id. */
  public static Builder builder(EntityType type, String id) {
    return new Builder(type, id);
  }

  /** A builder seeded with this entity's values. */
  public Builder toBuilder() {
    Builder b = new Builder(type, id);
    b.fields = fields;
    b.shared = true;
    b.updatedAt = updatedAt;
    b.version = version;
    b.origin = origin;
    b.deleted = deleted;
    return b;
  }

  public EntityType type() {
    return type;
  }

  /** The native id in the origin system; composite keys as encoded by {@link CompositeKey}. */
  public String id() {
    return id;
  }

  /**
   * A read-only view of the fields, without a copy, for code that reads every field of many
   * records (a mapping, a hash): it must never be changed (the entity would change with it). Use
   * {@link #fields()} for a copy you may change.
   */
  public ObjectNode fieldsView() {
    return fields;
  }

  /** A copy of the fields; changing it does not change this entity. */
  public ObjectNode fields() {
    return fields.deepCopy();
  }

  /**
   * The value of one top-level field, or a {@link MissingNode} if absent. Objects and arrays are
   * returned as copies.
   */
  public JsonNode field(String name) {
    JsonNode node = fields.get(name);
    if (node == null) {
      return MissingNode.getInstance();
    }
    return node.isContainerNode() ? node.deepCopy() : node;
  }

  /** The text of a top-level field, empty if absent or null. */
  public Optional<String> text(String name) {
    JsonNode node = fields.get(name);
    return node == null || node.isNull() || node.isMissingNode()
        ? Optional.empty()
        : Optional.of(node.asText());
  }

  /** Names of the top-level fields, in order. */
  public Iterator<String> fieldNames() {
    Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public String next() {
        return it.next().getKey();
      }
    };
  }

  /** When the record last changed in its origin system; {@link Instant#EPOCH} if unknown. */
  public Instant updatedAt() {
    return updatedAt;
  }

  /** The origin system's version counter, if it has one. */
  public OptionalLong version() {
    return version == null ? OptionalLong.empty() : OptionalLong.of(version);
  }

  /** The system this record was read from, e.g. {@code "sage300"}; empty string if not set. */
  public String origin() {
    return origin;
  }

  /** True for a tombstone: the record was deleted in its system (see {@link #tombstone}). */
  public boolean deleted() {
    return deleted;
  }

  /** True if both entities have equal fields (type, id and metadata ignored). */
  public boolean sameFields(Entity other) {
    return fields.equals(other.fields);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entity e
        && type.equals(e.type)
        && id.equals(e.id)
        && fields.equals(e.fields)
        && updatedAt.equals(e.updatedAt)
        && Objects.equals(version, e.version)
        && origin.equals(e.origin)
        && deleted == e.deleted;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, id, fields, updatedAt, version, origin, deleted);
  }

  /** Type, id, origin and version only: field values may hold personal data and stay out of logs. */
  @Override
  public String toString() {
    return "Entity{" + origin + ":" + type + ":" + id + (version == null ? "" : " v" + version)
        + (deleted ? " deleted" : "") + "}";
  }

  /**
   * Builds an {@link Entity}. A builder can be reused: {@link #build()} hands its fields to the
   * entity and the builder copies them before its next change (copy on write), so each entity owns
   * its fields and the common build-once path copies nothing twice. Not thread-safe.
   */
  public static final class Builder {
    private final EntityType type;
    private final String id;
    private ObjectNode fields = Json.object();
    /** True once {@link #build()} handed {@link #fields} to an entity. */
    private boolean shared;
    private Instant updatedAt = Instant.EPOCH;
    private Long version;
    private String origin = "";
    private boolean deleted;

    private Builder(EntityType type, String id) {
      this.type = requireNonNull(type, "type");
      this.id = requireNonNull(id, "id");
      if (id.isEmpty()) {
        throw new IllegalArgumentException("id is empty");
      }
    }

    /** Marks the entity as a tombstone (see {@link Entity#tombstone}). */
    public Builder deleted() {
      this.deleted = true;
      return this;
    }

    /** Replaces all fields with a copy of these. */
    public Builder fields(ObjectNode fields) {
      this.fields = requireNonNull(fields, "fields").deepCopy();
      this.shared = false;
      return this;
    }

    /**
     * Takes these fields over as they are, without the copy {@link #fields(ObjectNode)} makes: for
     * a node the caller has just built or parsed (a record of a response page) and hands over.
     * The caller must not change or hand out the node afterwards, or the entity would change with
     * it. Saves allocating every record twice on a connector's read path.
     */
    public Builder takeFields(ObjectNode fields) {
      this.fields = requireNonNull(fields, "fields");
      this.shared = false;
      return this;
    }

    /** Sets one field to a copy of this node. */
    public Builder field(String name, JsonNode value) {
      requireNonNull(name, "name");
      if (shared) {
        fields = fields.deepCopy();
        shared = false;
      }
      fields.set(name, value == null ? Json.nodes().nullNode() : value.deepCopy());
      return this;
    }

    public Builder field(String name, String value) {
      return field(name, value == null ? Json.nodes().nullNode() : Json.nodes().textNode(value));
    }

    public Builder field(String name, java.math.BigDecimal value) {
      return field(name, value == null ? Json.nodes().nullNode() : Json.nodes().numberNode(value));
    }

    public Builder field(String name, long value) {
      return field(name, Json.nodes().numberNode(value));
    }

    public Builder field(String name, boolean value) {
      return field(name, Json.nodes().booleanNode(value));
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = requireNonNull(updatedAt, "updatedAt");
      return this;
    }

    public Builder version(long version) {
      this.version = version;
      return this;
    }

    public Builder origin(String origin) {
      this.origin = requireNonNull(origin, "origin");
      return this;
    }

    public Entity build() {
      shared = true;
      return new Entity(this, fields);
    }
  }
}
