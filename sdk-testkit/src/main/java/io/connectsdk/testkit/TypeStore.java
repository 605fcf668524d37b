package io.connectsdk.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.WriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The records of one entity type, indexed by id, by last change number and by natural key. Not
 * thread-safe: {@link InMemoryConnector} guards it with its lock.
 */
final class TypeStore {
  private final EntityType type;
  private final String origin;
  private final String naturalKey;
  private final String idPrefix;
  private final Map<String, Entity> records = new LinkedHashMap<>();
  private final Map<String, Long> sequenceOf = new HashMap<>();
  private final TreeMap<Long, String> bySequence = new TreeMap<>();
  private final Map<String, String> byNaturalKey = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();
  private final Map<String, WriteResult> replies = new HashMap<>();
  private final Map<String, ObjectNode> replyBodies = new HashMap<>();
  private final Map<String, String> idBySourceRef = new HashMap<>();
  private final Map<String, Instant> deletedAt = new HashMap<>();
  private long idCounter;

  TypeStore(EntityType type, String origin, String naturalKey, String idPrefix) {
    this.type = type;
    this.origin = origin;
    this.naturalKey = naturalKey;
    this.idPrefix = idPrefix;
  }

  EntityType type() {
    return type;
  }

  Optional<Entity> get(String id) {
    return Optional.ofNullable(records.get(id));
  }

  List<Entity> all() {
    return List.copyOf(records.values());
  }

  int size() {
    return records.size();
  }

  boolean wasDeleted(String id) {
    return deleted.contains(id);
  }

  /** The id of the record holding this natural key value, if the type has a natural key. */
  Optional<String> idByNaturalKey(ObjectNode fields) {
    if (naturalKey == null) {
      return Optional.empty();
    }
    String value = keyText(fields);
    return value == null ? Optional.empty() : Optional.ofNullable(byNaturalKey.get(value));
  }

  List<Entity> find(String field, String value) {
    List<Entity> found = new ArrayList<>();
    for (Entity e : records.values()) {
      if (e.text(field).filter(value::equals).isPresent()) {
        found.add(e);
      }
    }
    return found;
  }

  /**
   * Records changed after {@code sequence}, oldest change first, at most {@code limit}; a record
   * deleted since is a tombstone.
   */
  List<Map.Entry<Long, Entity>> changedAfter(long sequence, int limit) {
    List<Map.Entry<Long, Entity>> page = new ArrayList<>();
    for (Map.Entry<Long, String> e : bySequence.tailMap(sequence, false).entrySet()) {
      if (page.size() == limit) {
        break;
      }
      Entity record = records.get(e.getValue());
      if (record == null) {
        record = Entity.tombstone(type, e.getValue(), origin, deletedAt.get(e.getValue()));
      }
      page.add(Map.entry(e.getKey(), record));
    }
    return page;
  }

  /** The record created for this source reference (the in-memory "external id"), if any. */
  Optional<String> idBySourceRef(String sourceRef) {
    String id = idBySourceRef.get(sourceRef);
    return id != null && records.containsKey(id) ? Optional.of(id) : Optional.empty();
  }

  void rememberSourceRef(String sourceRef, String id) {
    idBySourceRef.putIfAbsent(sourceRef, id);
  }

  boolean hasChangesAfter(long sequence) {
    return bySequence.higherKey(sequence) != null;
  }

  /** A fresh id: prefix plus counter, skipping ids already used (seeded or deleted). */
  String newId() {
    String id;
    do {
      id = idPrefix + (++idCounter);
    } while (records.containsKey(id) || deleted.contains(id));
    return id;
  }

  /**
   * Stores {@code fields} under {@code id} as change number {@code sequence}: creates the record at
   * version {@code firstVersion} or replaces it at the next version. Returns the stored entity.
   */
  Entity store(String id, ObjectNode fields, long firstVersion, long sequence, Instant at) {
    Entity previous = records.get(id);
    long version = previous == null ? firstVersion : previous.version().orElse(0) + 1;
    Entity stored = Entity.builder(type, id).fields(fields).origin(origin).updatedAt(at)
        .version(version).build();
    if (previous != null) {
      unindex(previous);
    }
    records.put(id, stored);
    deleted.remove(id);
    deletedAt.remove(id);
    Long old = sequenceOf.put(id, sequence);
    if (old != null) {
      bySequence.remove(old);
    }
    bySequence.put(sequence, id);
    String key = naturalKey == null ? null : keyText(fields);
    if (key != null) {
      byNaturalKey.put(key, id);
    }
    return stored;
  }

  /** Removes a record, its deletion being change number {@code sequence}; false if none. */
  boolean remove(String id, long sequence, Instant at) {
    Entity previous = records.remove(id);
    if (previous == null) {
      return false;
    }
    unindex(previous);
    bySequence.remove(sequenceOf.remove(id));
    sequenceOf.put(id, sequence);
    bySequence.put(sequence, id);
    deletedAt.put(id, at);
    deleted.add(id);
    return true;
  }

  /** The first result returned for this idempotency key, if one was seen. */
  Optional<WriteResult> reply(String idempotencyKey) {
    return Optional.ofNullable(replies.get(idempotencyKey));
  }

  /** The content first sent with this idempotency key, if one was seen. */
  Optional<ObjectNode> replyBody(String idempotencyKey) {
    return Optional.ofNullable(replyBodies.get(idempotencyKey));
  }

  /** Keeps the first result (and content) for an idempotency key; later ones are replays. */
  void remember(String idempotencyKey, ObjectNode fields, WriteResult result) {
    if (!idempotencyKey.isEmpty() && !replies.containsKey(idempotencyKey)) {
      replies.put(idempotencyKey, result);
      replyBodies.put(idempotencyKey, fields);
    }
  }

  private void unindex(Entity previous) {
    if (naturalKey != null) {
      String key = keyText(previous.fields());
      if (key != null) {
        byNaturalKey.remove(key, previous.id());
      }
    }
  }

  private String keyText(ObjectNode fields) {
    var node = fields.get(naturalKey);
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }
}
