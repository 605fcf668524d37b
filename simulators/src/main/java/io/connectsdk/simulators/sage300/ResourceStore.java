package io.connectsdk.simulators.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * All records of all companies. Request handlers hold the store's monitor ({@code synchronized
 * (store)}) around every read-modify-write so that validation and apply are atomic across
 * resources; the helper methods here take it themselves.
 */
final class ResourceStore {
  private final Map<String, Map<String, ResourceTable>> companies = new LinkedHashMap<>();

  ResourceStore(Set<String> companyIds, Map<String, ResourceSpec> specs) {
    for (String company : companyIds) {
      Map<String, ResourceTable> tables = new LinkedHashMap<>();
      specs.forEach((path, spec) -> tables.put(path, new ResourceTable(spec)));
      companies.put(company.toUpperCase(Locale.ROOT), tables);
    }
  }

  /** The tables of a company (matched case-insensitively as Sage does), or null if unknown. */
  Map<String, ResourceTable> company(String company) {
    return companies.get(company.toUpperCase(Locale.ROOT));
  }

  /** The table, or IllegalArgumentException naming what is unknown (for the public helpers). */
  ResourceTable require(String company, String module, String resource) {
    Map<String, ResourceTable> tables = company(company);
    if (tables == null) {
      throw new IllegalArgumentException("unknown company: " + company);
    }
    ResourceTable table = tables.get(module + "/" + resource);
    if (table == null) {
      throw new IllegalArgumentException("unknown resource: " + module + "/" + resource);
    }
    return table;
  }

  /** Seeds a record without business rules; stamps the change date if the record has none. */
  synchronized void seed(String company, String module, String resource, ObjectNode record,
      Clock clock) {
    ResourceTable table = require(company, module, resource);
    ObjectNode copy = record.deepCopy();
    RecordKey key;
    try {
      key = RecordKey.of(table.spec, copy);
    } catch (SageError e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    String change = table.spec.changeField();
    if (change != null && !copy.hasNonNull(change)) {
      copy.put(change, LocalDate.now(clock) + "T00:00:00Z");
    }
    table.put(key, copy);
  }

  synchronized List<ObjectNode> copies(String company, String module, String resource) {
    List<ObjectNode> out = new ArrayList<>();
    require(company, module, resource).all().forEach(r -> out.add(r.deepCopy()));
    return out;
  }

  /** A copy of one record by key values ({@link String} or integral {@link Number}), or null. */
  synchronized ObjectNode copy(String company, String module, String resource, Object... key) {
    ResourceTable table = require(company, module, resource);
    if (key.length != table.spec.keys().size()) {
      throw new IllegalArgumentException("expected " + table.spec.keys().size() + " key values");
    }
    List<Object> parts = new ArrayList<>();
    for (Object k : key) {
      parts.add(k instanceof Number n ? (Object) n.longValue() : requireNonNull(k, "key"));
    }
    ObjectNode found = table.get(new RecordKey(parts));
    return found == null ? null : found.deepCopy();
  }

  synchronized int size(String company, String module, String resource) {
    return require(company, module, resource).size();
  }

  synchronized void clear() {
    companies.values().forEach(tables -> tables.values().forEach(ResourceTable::clear));
  }
}
