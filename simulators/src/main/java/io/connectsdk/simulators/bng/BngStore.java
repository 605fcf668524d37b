package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * All records of one simulator, by resource, and the id sequences. Callers hold the store's
 * monitor for every compound operation ({@code synchronized (store)}); the public helpers here
 * take it themselves.
 */
final class BngStore {
  private final Map<Resource, Table> tables = new EnumMap<>(Resource.class);
  private final Map<Resource, Long> sequences = new EnumMap<>(Resource.class);
  private long orderNumbers;

  BngStore() {
    for (Resource r : Resource.values()) {
      tables.put(r, new Table(r));
      sequences.put(r, 0L);
    }
  }

  Table table(Resource resource) {
    return tables.get(resource);
  }

  /** The next free id, e.g. {@code cus_000000000001}: increasing, so list order is stable. */
  String nextId(Resource resource) {
    Table t = tables.get(resource);
    String id;
    do {
      long n = sequences.merge(resource, 1L, Long::sum);
      id = resource.idPrefix + String.format("%012d", n);
    } while (t.get(id) != null);
    return id;
  }

  /** The next generated sales order number, {@code SO-000001}, skipping used ones. */
  String nextOrderNumber() {
    Table t = tables.get(Resource.ORDERS);
    String number;
    do {
      number = String.format("SO-%06d", ++orderNumbers);
    } while (t.byNaturalKey(number) != null);
    return number;
  }

  /**
   * Stores a record as given, without validation or events; fills id, external_id, metadata,
   * version and the timestamps when missing.
   *
   * @throws IllegalArgumentException if its external_id or natural key belongs to another record
   */
  synchronized ObjectNode seed(Resource resource, ObjectNode given, Instant now) {
    ObjectNode r = given.deepCopy();
    Table t = tables.get(resource);
    if (resource == Resource.INVENTORY && (Table.text(r, "sku") == null
        || Table.text(r, "location") == null)) {
      throw new IllegalArgumentException("an inventory level needs sku and location");
    }
    if (!r.hasNonNull("id")) {
      ObjectNode same = resource == Resource.INVENTORY ? t.byNaturalKey(t.naturalKey(r)) : null;
      r.put("id", same != null ? same.get("id").asText() : nextId(resource));
    }
    if (!r.has("external_id")) {
      r.putNull("external_id");
    }
    if (!r.has("metadata")) {
      r.putObject("metadata");
    }
    if (!r.has("version")) {
      r.put("version", 1);
    }
    String stamp = BngJson.timestamp(now);
    if (!r.hasNonNull("created_at")) {
      r.put("created_at", stamp);
    }
    if (!r.hasNonNull("updated_at")) {
      r.put("updated_at", stamp);
    }
    for (String f : new String[] {"created_at", "updated_at"}) {
      try {
        java.time.Instant.parse(r.get(f).asText());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(f + " must be an ISO-8601 instant: " + r.get(f));
      }
    }
    String id = r.get("id").asText();
    String ext = Table.text(r, "external_id");
    requireFree(t, ext == null ? null : t.byExternalId(ext), id, "external_id");
    String natural = t.naturalKey(r);
    requireFree(t, natural == null ? null : t.byNaturalKey(natural), id, "natural key");
    t.put(r);
    return r.deepCopy();
  }

  synchronized List<ObjectNode> copies(Resource resource) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode r : tables.get(resource).all()) {
      out.add(r.deepCopy());
    }
    return out;
  }

  synchronized ObjectNode copy(Resource resource, String id) {
    ObjectNode r = tables.get(resource).get(id);
    return r == null ? null : r.deepCopy();
  }

  synchronized int size(Resource resource) {
    return tables.get(resource).size();
  }

  synchronized void clear() {
    tables.values().forEach(Table::clear);
    sequences.replaceAll((k, v) -> 0L);
    orderNumbers = 0;
  }

  private static void requireFree(Table t, ObjectNode holder, String id, String what) {
    if (holder != null && !holder.get("id").asText().equals(id)) {
      throw new IllegalArgumentException(t.resource.path + ": " + what + " already used by "
          + holder.get("id").asText());
    }
  }
}
