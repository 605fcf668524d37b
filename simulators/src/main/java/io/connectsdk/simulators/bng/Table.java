package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The records of one resource with the indexes the API needs: list order (updated_at, id),
 * external_id, and the resource's natural key (item sku, order number, inventory sku+location).
 * Not thread-safe: {@link BngStore} guards it.
 */
final class Table {
  final Resource resource;
  private final Map<String, ObjectNode> byId = new HashMap<>();
  private final NavigableSet<SortKey> order = new TreeSet<>();
  private final Map<String, String> byExternalId = new HashMap<>();
  private final Map<String, String> byNaturalKey = new HashMap<>();

  Table(Resource resource) {
    this.resource = resource;
  }

  ObjectNode get(String id) {
    return byId.get(id);
  }

  ObjectNode byExternalId(String externalId) {
    String id = byExternalId.get(externalId);
    return id == null ? null : byId.get(id);
  }

  ObjectNode byNaturalKey(String key) {
    String id = byNaturalKey.get(key);
    return id == null ? null : byId.get(id);
  }

  /** The natural key of a record, or null if the resource has none or the record lacks it. */
  String naturalKey(ObjectNode record) {
    return switch (resource) {
      case ITEMS -> text(record, "sku");
      case ORDERS -> text(record, "order_number");
      case INVENTORY -> {
        String sku = text(record, "sku");
        String location = text(record, "location");
        yield sku == null || location == null ? null : sku + "/" + location;
      }
      default -> null;
    };
  }

  /** Stores (or replaces) a record; the caller has checked uniqueness. */
  void put(ObjectNode record) {
    String id = record.get("id").asText();
    ObjectNode old = byId.put(id, record);
    if (old != null) {
      unindex(old);
    }
    order.add(sortKey(record));
    String ext = text(record, "external_id");
    if (ext != null) {
      byExternalId.put(ext, id);
    }
    String natural = naturalKey(record);
    if (natural != null) {
      byNaturalKey.put(natural, id);
    }
  }

  /**
   * Up to {@code limit} records in list order after {@code after} (exclusive; null = from the
   * start) and updated at or after {@code since} (null = any) that match {@code filter}.
   */
  List<ObjectNode> page(SortKey after, Instant since, int limit, Predicate<ObjectNode> filter) {
    SortKey from = since == null ? null : new SortKey(since, "");
    NavigableSet<SortKey> tail;
    if (after != null && (from == null || after.compareTo(from) >= 0)) {
      tail = order.tailSet(after, false);
    } else {
      tail = from == null ? order : order.tailSet(from, true);
    }
    List<ObjectNode> out = new ArrayList<>();
    for (SortKey k : tail) {
      ObjectNode r = byId.get(k.id());
      if (filter.test(r)) {
        out.add(r);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }

  /** All records in list order (the stored instances; copy before handing out). */
  List<ObjectNode> all() {
    return page(null, null, Integer.MAX_VALUE, r -> true);
  }

  int size() {
    return byId.size();
  }

  void clear() {
    byId.clear();
    order.clear();
    byExternalId.clear();
    byNaturalKey.clear();
  }

  static SortKey sortKey(ObjectNode record) {
    return new SortKey(Instant.parse(record.get("updated_at").asText()),
        record.get("id").asText());
  }

  private void unindex(ObjectNode old) {
    order.remove(sortKey(old));
    String ext = text(old, "external_id");
    if (ext != null) {
      byExternalId.remove(ext);
    }
    String natural = naturalKey(old);
    if (natural != null) {
      byNaturalKey.remove(natural);
    }
  }

  static String text(ObjectNode record, String field) {
    JsonNode v = record.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
