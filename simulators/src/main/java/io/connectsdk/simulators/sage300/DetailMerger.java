package io.connectsdk.simulators.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Applies bodies to records with Sage's detail-row rules: rows carry {@code UpdateOperation}
 * (Unspecified = update if the key matches else insert; Insert; Update; Delete). PATCH merges; PUT
 * keeps only the rows present in the body; generated row keys count up from the highest one.
 */
final class DetailMerger {
  static final String OPERATION = "UpdateOperation";

  private final Map<String, DetailSpec> details;
  private final int duplicateStatus;

  DetailMerger(ResourceSpec spec, int duplicateStatus) {
    this.details = spec.details();
    this.duplicateStatus = duplicateStatus;
  }

  /** Prepares a body for insertion: numbers generated rows, checks natural row keys. */
  void create(ObjectNode record) {
    for (Map.Entry<String, DetailSpec> e : details.entrySet()) {
      JsonNode rows = record.get(e.getKey());
      if (rows == null || rows.isNull()) {
        continue;
      }
      ArrayNode merged = SimJson.NODES.arrayNode();
      for (ObjectNode row : rows(e.getKey(), rows)) {
        String op = operation(row);
        if (!op.equals("Unspecified") && !op.equals("Insert")) {
          throw SageError.recordNotFound("Cannot " + op + " a row of " + e.getKey()
              + " on a record that does not exist yet.");
        }
        insert(merged, row, e.getKey(), e.getValue(), 0);
      }
      record.set(e.getKey(), merged);
    }
  }

  /** PATCH: header properties overwrite, detail collections merge row by row. */
  void patch(ObjectNode target, ObjectNode body) {
    apply(target, body, false);
  }

  /** PUT: header properties overwrite; detail rows missing from the body are dropped. */
  void replace(ObjectNode target, ObjectNode body) {
    for (String collection : details.keySet()) {
      if (target.has(collection) && !body.has(collection)) {
        target.set(collection, SimJson.NODES.arrayNode());
      }
    }
    apply(target, body, true);
  }

  private void apply(ObjectNode target, ObjectNode body, boolean replace) {
    Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      DetailSpec ds = details.get(f.getKey());
      if (ds == null || f.getValue().isNull()) {
        target.set(f.getKey(), f.getValue().deepCopy());
        continue;
      }
      JsonNode current = target.get(f.getKey());
      ArrayNode existing = current instanceof ArrayNode a ? a : SimJson.NODES.arrayNode();
      target.set(f.getKey(), mergeRows(f.getKey(), ds, existing, f.getValue(), replace));
    }
  }

  private ArrayNode mergeRows(
      String collection, DetailSpec ds, ArrayNode existing, JsonNode body, boolean replace) {
    ArrayNode result = replace ? SimJson.NODES.arrayNode() : existing.deepCopy();
    // PUT rebuilds the list, so new rows must still number above every existing row.
    long floor = replace ? maxKey(existing, ds) : 0;
    for (ObjectNode row : rows(collection, body)) {
      String op = operation(row);
      JsonNode key = row.get(ds.keyField());
      ObjectNode match = replace ? find(existing, ds, key) : find(result, ds, key);
      switch (op) {
        case "Insert" -> insert(result, row, collection, ds, floor);
        case "Update", "Delete" -> {
          if (match == null) {
            throw SageError.recordNotFound("No row of " + collection + " has "
                + ds.keyField() + " " + (key == null ? "(missing)" : key.asText()) + ".");
          }
          if (op.equals("Delete")) {
            if (!replace) {
              result.remove(indexOf(result, match));
            }
          } else {
            apply(match, row, replace);
            addIfReplacing(result, match, replace);
          }
        }
        default -> {
          if (match == null) {
            insert(result, row, collection, ds, floor);
          } else {
            apply(match, row, replace);
            addIfReplacing(result, match, replace);
          }
        }
      }
    }
    return result;
  }

  private static void addIfReplacing(ArrayNode result, ObjectNode row, boolean replace) {
    if (replace) {
      result.add(row);
    }
  }

  private void insert(
      ArrayNode result, ObjectNode row, String collection, DetailSpec ds, long floor) {
    ObjectNode copy = SimJson.object();
    if (ds.generated()) {
      copy.put(ds.keyField(), Math.max(floor, maxKey(result, ds)) + 1);
    } else {
      JsonNode key = row.get(ds.keyField());
      if (key == null || key.isNull() || key.asText().isBlank()) {
        throw SageError.invalidPayload("A row of " + collection + " needs " + ds.keyField() + ".");
      }
      if (find(result, ds, key) != null) {
        throw new SageError(duplicateStatus, "RecordDuplicate", "A row of " + collection
            + " with " + ds.keyField() + " '" + key.asText() + "' already exists.");
      }
    }
    row.fields().forEachRemaining(f -> {
      if (!(ds.generated() && f.getKey().equals(ds.keyField()))) {
        copy.set(f.getKey(), f.getValue().deepCopy());
      }
    });
    create(copy);
    result.add(copy);
  }

  private static List<ObjectNode> rows(String collection, JsonNode body) {
    if (!body.isArray()) {
      throw SageError.invalidPayload("The property '" + collection + "' must be an array.");
    }
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode row : body) {
      if (!(row instanceof ObjectNode o)) {
        throw SageError.invalidPayload("Each row of '" + collection + "' must be an object.");
      }
      out.add(o.deepCopy());
    }
    return out;
  }

  /** Removes and returns the row's UpdateOperation, defaulting to Unspecified. */
  private static String operation(ObjectNode row) {
    JsonNode op = row.remove(OPERATION);
    String value = op == null || op.isNull() ? "Unspecified" : op.asText();
    return switch (value) {
      case "Unspecified", "Insert", "Update", "Delete" -> value;
      default -> throw SageError.invalidPayload("UpdateOperation '" + value
          + "' is not one of Unspecified, Insert, Update, Delete.");
    };
  }

  private static ObjectNode find(ArrayNode rows, DetailSpec ds, JsonNode key) {
    if (key == null || key.isNull()) {
      return null;
    }
    for (JsonNode row : rows) {
      if (sameKey(row.get(ds.keyField()), key)) {
        return (ObjectNode) row;
      }
    }
    return null;
  }

  private static boolean sameKey(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.isTextual() && b.isTextual() && a.textValue().equals(b.textValue());
  }

  private static long maxKey(ArrayNode rows, DetailSpec ds) {
    long max = 0;
    for (JsonNode row : rows) {
      max = Math.max(max, row.path(ds.keyField()).asLong(0));
    }
    return max;
  }

  private static int indexOf(ArrayNode rows, JsonNode row) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) == row) {
        return i;
      }
    }
    throw new IllegalStateException("row vanished");
  }
}
