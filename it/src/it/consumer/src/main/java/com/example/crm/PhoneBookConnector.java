package com.example.crm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A user's own connector: customers in memory, keyed by e-mail (the natural key), changes read in
 * the order they were made. What a user writes before pointing it at a real system.
 */
public final class PhoneBookConnector implements Connector {
  private final Map<String, Entity> byId = new HashMap<>();
  /** change sequence number -> id; a record's older entries are removed when it changes */
  private final TreeMap<Long, String> changes = new TreeMap<>();
  private final Map<String, Long> sequenceOf = new HashMap<>();
  private long sequence;

  @Override
  public String system() {
    return "phonebook";
  }

  @Override
  public Map<EntityType, Capabilities> capabilities() {
    return Map.of(EntityType.CUSTOMER, Capabilities.readWrite(10));
  }

  @Override
  public synchronized Page readChanges(EntityType type, Cursor cursor, int limit) {
    long after = cursor.value().isEmpty() ? 0 : Long.parseLong(cursor.value());
    List<Entity> page = new ArrayList<>();
    long last = after;
    for (Map.Entry<Long, String> change : changes.tailMap(after, false).entrySet()) {
      if (page.size() == limit) {
        return new Page(page, Cursor.of(Long.toString(last)), true);
      }
      page.add(byId.get(change.getValue()));
      last = change.getKey();
    }
    return Page.last(page, Cursor.of(Long.toString(last)));
  }

  @Override
  public synchronized Optional<Entity> get(EntityType type, String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<Entity> find(EntityType type, String field, String value) {
    return byId.values().stream().filter(e -> e.text(field).orElse("").equals(value)).toList();
  }

  @Override
  public synchronized List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
    return requests.stream().map(this::upsert).toList();
  }

  private WriteResult upsert(WriteRequest request) {
    ObjectNode fields = request.fields();
    String email = fields.path("email").asText("");
    if (email.isEmpty()) {
      return WriteResult.failed(request.targetId(),
          WriteError.permanent("EmailRequired", "a customer needs an e-mail").withField("email"));
    }
    Optional<String> id = request.targetId()
        .or(() -> find(EntityType.CUSTOMER, "email", email).stream().map(Entity::id).findFirst());
    if (request.targetId().isPresent() && !byId.containsKey(request.targetId().get())) {
      return WriteResult.failed(request.targetId(),
          WriteError.permanent("NotFound", "no customer " + request.targetId().get()));
    }
    if (id.isPresent()) {
      Entity old = byId.get(id.get());
      ObjectNode merged = old.fields().deepCopy().setAll(fields);
      if (merged.equals(old.fields())) {
        return WriteResult.unchanged(id.get(), old);
      }
      return WriteResult.updated(id.get(), store(id.get(), merged));
    }
    String newId = "pb-" + (byId.size() + 1);
    return WriteResult.created(newId, store(newId, fields));
  }

  private Entity store(String id, ObjectNode fields) {
    Entity entity = Entity.builder(EntityType.CUSTOMER, id).fields(fields).origin(system()).build();
    byId.put(id, entity);
    Long previous = sequenceOf.put(id, ++sequence);
    if (previous != null) {
      changes.remove(previous);
    }
    changes.put(sequence, id);
    return entity;
  }
}
