package io.connectsdk.simulators.sage300;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fluent assembly of a {@link ResourceSpec}; only used by {@link ResourceCatalog}. */
final class ResourceSpecBuilder {
  static final Set<String> ALL_METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");

  private final String module;
  private final String name;
  private final List<KeyField> keys = new ArrayList<>();
  private Set<String> methods = ALL_METHODS;
  private String changeField;
  private String writeKeyField;
  private DocumentNumber documentNumber;
  private boolean strict;
  private final Set<String> fields = new LinkedHashSet<>();
  private final List<String> required = new ArrayList<>();
  private final Map<String, Integer> maxLengths = new HashMap<>();
  private final Map<String, Set<String>> allowed = new HashMap<>();
  private final Map<String, String> references = new HashMap<>();
  private final Map<String, DetailSpec> details = new HashMap<>();

  ResourceSpecBuilder(String module, String name) {
    this.module = module;
    this.name = name;
  }

  ResourceSpecBuilder key(KeyField key) {
    keys.add(key);
    fields.add(key.name());
    return this;
  }

  ResourceSpecBuilder methods(String... verbs) {
    methods = Set.of(verbs);
    return this;
  }

  ResourceSpecBuilder changeField(String field) {
    changeField = field;
    fields.add(field);
    return this;
  }

  ResourceSpecBuilder writeKeyField(String field) {
    writeKeyField = field;
    fields.add(field);
    return this;
  }

  ResourceSpecBuilder documentNumber(String field, String prefix, int digits) {
    documentNumber = new DocumentNumber(field, prefix, digits);
    fields.add(field);
    return this;
  }

  /** Declares the top-level properties and rejects any other on writes. */
  ResourceSpecBuilder strictFields(String... names) {
    strict = true;
    return fields(names);
  }

  ResourceSpecBuilder fields(String... names) {
    fields.addAll(List.of(names));
    return this;
  }

  ResourceSpecBuilder required(String... names) {
    required.addAll(List.of(names));
    return this;
  }

  ResourceSpecBuilder maxLength(int length, String... names) {
    for (String n : names) {
      maxLengths.put(n, length);
    }
    return this;
  }

  ResourceSpecBuilder allowed(String field, String... values) {
    allowed.put(field, Set.of(values));
    return this;
  }

  ResourceSpecBuilder reference(String field, String resourcePath) {
    references.put(field, resourcePath);
    return this;
  }

  ResourceSpecBuilder detail(String collection, String keyField, boolean generated) {
    details.put(collection, new DetailSpec(keyField, generated));
    fields.add(collection);
    return this;
  }

  ResourceSpec build() {
    return new ResourceSpec(module, name, keys, methods, changeField, writeKeyField,
        documentNumber, strict, fields, required, maxLengths, allowed, references, details);
  }
}
