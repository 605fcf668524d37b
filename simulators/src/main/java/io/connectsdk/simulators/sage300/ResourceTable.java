package io.connectsdk.simulators.sage300;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The rows of one resource in one company, in key order. Guarded by the owning store's lock. */
final class ResourceTable {
  final ResourceSpec spec;
  private final TreeMap<RecordKey, ObjectNode> rows = new TreeMap<>();
  private final Set<String> seenFields = new HashSet<>();
  private final Map<String, Long> sequences = new HashMap<>();

  ResourceTable(ResourceSpec spec) {
    this.spec = spec;
  }

  ObjectNode get(RecordKey key) {
    return rows.get(key);
  }

  void put(RecordKey key, ObjectNode record) {
    rows.put(key, record);
    Iterator<String> names = record.fieldNames();
    names.forEachRemaining(seenFields::add);
  }

  ObjectNode remove(RecordKey key) {
    return rows.remove(key);
  }

  List<ObjectNode> all() {
    return new ArrayList<>(rows.values());
  }

  int size() {
    return rows.size();
  }

  void clear() {
    rows.clear();
    sequences.clear();
    seenFields.clear();
  }

  /** Whether a property may be named in $select/$filter: declared or present in stored data. */
  boolean knows(String property) {
    return spec.fields().contains(property) || seenFields.contains(property);
  }

  /** The next value of a server counter, never below the highest value already stored. */
  long next(String counter, long atLeast) {
    long n = Math.max(sequences.getOrDefault(counter, 0L), atLeast) + 1;
    sequences.put(counter, n);
    return n;
  }
}
