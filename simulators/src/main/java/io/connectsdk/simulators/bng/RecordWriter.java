package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Creates, patches and (inventory) puts records with the contract's rules: stamps, versions,
 * If-Match, uniqueness of external_id and natural keys, validation, events. Callers hold the
 * store's monitor.
 */
final class RecordWriter {
  private static final Set<String> READ_ONLY = Set.of("id", "created_at", "updated_at", "version");

  private final BngStore store;
  private final Clock clock;
  private final RecordValidator validator;
  private final EventSink events;

  RecordWriter(BngStore store, Clock clock, EventSink events) {
    this.store = store;
    this.clock = clock;
    this.events = events;
    this.validator = new RecordValidator(store::table);
  }

  /** POST: a new record (201). */
  ObjectNode create(Resource resource, ObjectNode body) {
    ObjectNode r = draft();
    copyWritable(body, r);
    if (resource == Resource.ORDERS && !r.hasNonNull("order_number")) {
      r.put("order_number", store.nextOrderNumber());
    }
    return insert(store.table(resource), r);
  }

  /** PATCH: top-level fields of the body replace the record's; 200. No change, no new version. */
  ObjectNode patch(Resource resource, String id, ObjectNode body, Long ifMatch) {
    Table t = store.table(resource);
    ObjectNode current = t.get(id);
    if (current == null) {
      throw BngError.notFound("No " + resource.path + " record with id " + id + ".");
    }
    return update(t, current, body, ifMatch);
  }

  /** PUT /inventory/{sku}/{location}: sets on_hand (and allocated); creates the level if new. */
  ObjectNode putInventory(String sku, String location, ObjectNode body, Long ifMatch) {
    Table t = store.table(Resource.INVENTORY);
    for (String f : new String[] {"sku", "location"}) {
      String given = Table.text(body, f);
      if (given != null && !given.equals(f.equals("sku") ? sku : location)) {
        throw BngError.validation(Map.of(f, "must match the path"));
      }
    }
    ObjectNode current = t.byNaturalKey(sku + "/" + location);
    if (current != null) {
      return update(t, current, body, ifMatch);
    }
    if (ifMatch != null) {
      throw new BngError(412, "version_conflict", "The inventory level does not exist yet.");
    }
    ObjectNode r = draft();
    r.put("sku", sku);
    r.put("location", location);
    r.put("allocated", 0);
    copyWritable(body, r);
    return insert(t, r);
  }

  /** A new record's first fields; the id is assigned once the record is accepted. */
  private static ObjectNode draft() {
    ObjectNode r = BngJson.MAPPER.createObjectNode();
    r.put("id", "pending");
    r.putNull("external_id");
    return r;
  }

  private ObjectNode insert(Table t, ObjectNode r) {
    if (!r.has("metadata")) {
      r.putObject("metadata");
    }
    String now = BngJson.timestamp(clock.instant());
    r.put("version", 1);
    r.put("created_at", now);
    r.put("updated_at", now);
    validator.check(t.resource, r);
    if (t.resource == Resource.INVENTORY) {
      available(r);
    }
    requireUnique(t, r, null);
    r.put("id", store.nextId(t.resource));
    return commit(t, r, true);
  }

  private ObjectNode update(Table t, ObjectNode current, ObjectNode body, Long ifMatch) {
    long version = current.get("version").asLong();
    if (ifMatch != null && ifMatch != version) {
      throw new BngError(412, "version_conflict", "The record is at version " + version
          + ", not " + ifMatch + ".");
    }
    ObjectNode r = current.deepCopy();
    copyWritable(body, r);
    if (t.resource == Resource.INVENTORY) {
      r.remove("available");
      available(r);
    }
    if (r.equals(current)) {
      return current.deepCopy();
    }
    validator.check(t.resource, r);
    requireUnique(t, r, current.get("id").asText());
    r.put("version", version + 1);
    r.put("updated_at", BngJson.timestamp(clock.instant()));
    return commit(t, r, false);
  }

  private ObjectNode commit(Table t, ObjectNode r, boolean created) {
    t.put(r);
    t.resource.eventType(created).ifPresent(type -> events.emit(type, r.deepCopy(),
        clock.instant()));
    return r.deepCopy();
  }

  private static void copyWritable(ObjectNode from, ObjectNode to) {
    for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = from.fields();
        it.hasNext(); ) {
      Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
      if (!READ_ONLY.contains(e.getKey())) {
        to.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  private static void available(ObjectNode r) {
    r.put("available", r.path("on_hand").asLong() - r.path("allocated").asLong());
  }

  private static void requireUnique(Table t, ObjectNode r, String selfId) {
    String ext = Table.text(r, "external_id");
    ObjectNode holder = ext == null ? null : t.byExternalId(ext);
    if (holder != null && !holder.get("id").asText().equals(selfId)) {
      throw BngError.conflict("external_id", "A " + t.resource.path + " record with external_id "
          + ext + " already exists: " + holder.get("id").asText() + ".");
    }
    String natural = t.naturalKey(r);
    holder = natural == null ? null : t.byNaturalKey(natural);
    if (holder != null && !holder.get("id").asText().equals(selfId)) {
      String field = t.resource == Resource.ITEMS ? "sku" : "order_number";
      throw BngError.conflict(field, "A " + t.resource.path + " record with " + field + " "
          + natural + " already exists: " + holder.get("id").asText() + ".");
    }
  }
}
