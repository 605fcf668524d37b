package io.connectsdk.simulators.sage300;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * All records of all companies. Callers hold the store's monitor ({@code synchronized (store)})
 * around every read-modify-write so that validation and apply are atomic across resources.
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

  void clear() {
    companies.values().forEach(tables -> tables.values().forEach(ResourceTable::clear));
  }
}
