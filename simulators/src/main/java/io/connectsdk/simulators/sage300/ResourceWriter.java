package io.connectsdk.simulators.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Answers POST, PATCH, PUT and DELETE; call with the store's monitor held. */
final class ResourceWriter {
  private final Clock clock;
  private final int duplicateStatus;
  private final int invalidStatus;
  private final boolean updateReturnsRecord;

  ResourceWriter(Clock clock, int duplicateStatus, int invalidStatus, boolean updateReturnsRecord) {
    this.clock = clock;
    this.duplicateStatus = duplicateStatus;
    this.invalidStatus = invalidStatus;
    this.updateReturnsRecord = updateReturnsRecord;
  }

  SimResponse post(Map<String, ResourceTable> company, ResourceTable table, String body,
      String moduleUrl) {
    ResourceSpec spec = table.spec;
    ObjectNode in = cleanBody(spec, body);
    ObjectNode record = SimJson.object();
    if (spec.writeKeyField() != null) {
      copyWriteKey(spec, in, record);
    }
    assignKeys(table, in, record);
    in.fields().forEachRemaining(f -> {
      if (!record.has(f.getKey())) {
        record.set(f.getKey(), f.getValue());
      }
    });
    new DetailMerger(spec, duplicateStatus).create(record);
    stamp(spec, record);
    new RecordValidator(company, invalidStatus).validate(spec, record, true);
    RecordKey key = RecordKey.of(spec, record);
    if (table.get(key) != null) {
      throw new SageError(duplicateStatus, "RecordDuplicate",
          "The record " + spec.name() + KeyParser.format(spec, key) + " already exists.");
    }
    table.put(key, record);
    return new SimResponse(201, entity(moduleUrl, spec, record),
        Map.of("Location", moduleUrl + spec.name() + KeyParser.format(spec, key)));
  }

  SimResponse update(Map<String, ResourceTable> company, ResourceTable table, RecordKey key,
      String body, String moduleUrl, boolean replace) {
    ResourceSpec spec = table.spec;
    ObjectNode existing = table.get(key);
    if (existing == null) {
      throw ResourceReader.notFound(spec, key);
    }
    ObjectNode in = cleanBody(spec, body);
    stripKeys(spec, in, existing);
    ObjectNode record = existing.deepCopy();
    DetailMerger merger = new DetailMerger(spec, duplicateStatus);
    if (replace) {
      merger.replace(record, in);
    } else {
      merger.patch(record, in);
    }
    stamp(spec, record);
    new RecordValidator(company, invalidStatus).validate(spec, record, false);
    table.put(key, record);
    return updateReturnsRecord
        ? SimResponse.json(200, entity(moduleUrl, spec, record))
        : new SimResponse(204, null, Map.of());
  }

  SimResponse delete(ResourceTable table, RecordKey key) {
    if (table.remove(key) == null) {
      throw ResourceReader.notFound(table.spec, key);
    }
    return new SimResponse(204, null, Map.of());
  }

  /** Parses the body, drops OData annotations and rejects undeclared properties. */
  private static ObjectNode cleanBody(ResourceSpec spec, String body) {
    ObjectNode in = SimJson.parseObject(body);
    List<String> annotations = new ArrayList<>();
    in.fieldNames().forEachRemaining(n -> {
      if (n.startsWith("@odata.")) {
        annotations.add(n);
      }
    });
    in.remove(annotations);
    RecordValidator.checkKnownProperties(spec, in);
    return in;
  }

  /** ICItems: the key is written as UnformattedItemNumber and read back as ItemNumber. */
  private void copyWriteKey(ResourceSpec spec, ObjectNode in, ObjectNode record) {
    String readKey = spec.keys().get(0).name();
    JsonNode write = in.get(spec.writeKeyField());
    JsonNode read = in.remove(readKey);
    if (write == null || !write.isTextual() || write.textValue().isBlank()) {
      throw new SageError(invalidStatus, "RecordInvalid", spec.name() + ": "
          + spec.writeKeyField() + " is required (" + readKey + " is read-only).");
    }
    if (read != null && !read.asText().equals(write.textValue())) {
      throw new SageError(invalidStatus, "RecordInvalid", spec.name() + ": " + readKey
          + " is read-only; write " + spec.writeKeyField() + " instead.");
    }
    record.set(readKey, write);
  }

  private void assignKeys(ResourceTable table, ObjectNode in, ObjectNode record) {
    ResourceSpec spec = table.spec;
    StringBuilder scope = new StringBuilder(spec.name());
    for (KeyField key : spec.keys()) {
      if (key.generated()) {
        in.remove(key.name());
        long n = table.next(scope.toString(), highest(table, key.name(), record));
        record.put(key.name(), n);
      } else if (!record.has(key.name()) && in.has(key.name())) {
        record.set(key.name(), in.remove(key.name()));
      }
      scope.append('|').append(record.path(key.name()).asText());
    }
    DocumentNumber doc = spec.documentNumber();
    if (doc != null) {
      JsonNode given = in.remove(doc.field());
      String number;
      if (given != null && given.isTextual() && !DocumentNumber.isPlaceholder(given.textValue())) {
        number = given.textValue();
        if (hasDocument(table, doc, number)) {
          throw new SageError(duplicateStatus, "RecordDuplicate",
              spec.name() + ": " + doc.field() + " '" + number + "' already exists.");
        }
      } else {
        do {
          number = doc.format(table.next(doc.field(), 0));
        } while (hasDocument(table, doc, number));
      }
      record.put(doc.field(), number);
    }
  }

  /** Highest stored value of a generated key among rows sharing the earlier key parts. */
  private static long highest(ResourceTable table, String keyName, ObjectNode partial) {
    long max = 0;
    for (ObjectNode row : table.all()) {
      boolean sameScope = true;
      for (KeyField k : table.spec.keys()) {
        if (k.name().equals(keyName)) {
          break;
        }
        sameScope &= row.path(k.name()).asText().equals(partial.path(k.name()).asText());
      }
      if (sameScope) {
        max = Math.max(max, row.path(keyName).asLong(0));
      }
    }
    return max;
  }

  private static boolean hasDocument(ResourceTable table, DocumentNumber doc, String number) {
    return table.all().stream().anyMatch(r -> number.equals(r.path(doc.field()).asText(null)));
  }

  /** Key properties may repeat the URL's values but never change them. */
  private static void stripKeys(ResourceSpec spec, ObjectNode in, ObjectNode existing) {
    List<String> fixed = new ArrayList<>();
    spec.keys().forEach(k -> fixed.add(k.name()));
    if (spec.writeKeyField() != null) {
      fixed.add(spec.writeKeyField());
    }
    if (spec.documentNumber() != null) {
      fixed.add(spec.documentNumber().field());
    }
    for (String name : fixed) {
      JsonNode given = in.remove(name);
      JsonNode current = existing.get(name);
      if (given != null && (current == null || !given.asText().equals(current.asText()))) {
        throw SageError.invalidPayload("The key property '" + name + "' cannot be changed.");
      }
    }
  }

  private void stamp(ResourceSpec spec, ObjectNode record) {
    if (spec.changeField() != null) {
      record.put(spec.changeField(), LocalDate.now(clock) + "T00:00:00Z");
    }
  }

  private static String entity(String moduleUrl, ResourceSpec spec, ObjectNode record) {
    ObjectNode out = SimJson.object();
    out.put("@odata.context", moduleUrl + "$metadata#" + spec.name() + "/$entity");
    Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
    fields.forEachRemaining(f -> out.set(f.getKey(), f.getValue().deepCopy()));
    return SimJson.write(out);
  }
}
