package io.connectsdk.simulators.sage300;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the simulator knows about one resource: keys, verbs, fields and business rules.
 *
 * @param module module segment (AR, AP, ...)
 * @param name resource segment (ARCustomers, ...)
 * @param keys key properties in URL order
 * @param methods allowed HTTP methods
 * @param changeField date property set from the clock on every change, or null
 * @param writeKeyField property that carries the key on create when it differs from the read key
 *     (ICItems: UnformattedItemNumber), or null
 * @param documentNumber generated document number, or null
 * @param strict whether unknown top-level properties are rejected
 * @param fields declared top-level properties
 * @param required properties that must be non-blank on create
 * @param maxLengths maximum string lengths
 * @param allowed enumerated properties and their allowed values
 * @param references property to the "MODULE/Resource" whose key it must name
 * @param details detail collections by property name
 */
record ResourceSpec(
    String module,
    String name,
    List<KeyField> keys,
    Set<String> methods,
    String changeField,
    String writeKeyField,
    DocumentNumber documentNumber,
    boolean strict,
    Set<String> fields,
    List<String> required,
    Map<String, Integer> maxLengths,
    Map<String, Set<String>> allowed,
    Map<String, String> references,
    Map<String, DetailSpec> details) {

  ResourceSpec {
    requireNonNull(module, "module");
    requireNonNull(name, "name");
    keys = List.copyOf(keys);
    methods = Set.copyOf(methods);
    fields = Set.copyOf(fields);
    required = List.copyOf(required);
    maxLengths = Map.copyOf(maxLengths);
    allowed = Map.copyOf(allowed);
    references = Map.copyOf(references);
    details = Map.copyOf(details);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a resource needs at least one key: " + name);
    }
  }

  String path() {
    return module + "/" + name;
  }

  boolean allows(String method) {
    return methods.contains(method);
  }

  boolean hasGeneratedKey() {
    return keys.stream().anyMatch(KeyField::generated) || documentNumber != null;
  }

  ResourceSpec withName(String newName) {
    return new ResourceSpec(module, newName, keys, methods, changeField, writeKeyField,
        documentNumber, strict, fields, required, maxLengths, allowed, references, details);
  }
}
