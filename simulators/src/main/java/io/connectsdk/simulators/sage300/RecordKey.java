package io.connectsdk.simulators.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A record's key values in key-field order; strings sort ordinally and numbers numerically, which
 * gives collection reads their stable order.
 *
 * @param parts {@link String} or {@link Long} values, one per key field
 */
record RecordKey(List<Object> parts) implements Comparable<RecordKey> {
  RecordKey {
    parts = List.copyOf(parts);
  }

  /** Reads the key out of a stored record; every key property must be present with its type. */
  static RecordKey of(ResourceSpec spec, ObjectNode record) {
    List<Object> parts = new ArrayList<>();
    for (KeyField key : spec.keys()) {
      JsonNode value = record.get(key.name());
      if (key.numeric() && value != null && value.canConvertToExactIntegral()) {
        parts.add(value.longValue());
      } else if (!key.numeric() && value != null && value.isTextual()) {
        parts.add(value.textValue());
      } else {
        throw SageError.invalidPayload("The key property '" + key.name() + "' must be "
            + (key.numeric() ? "an integer." : "a string."));
      }
    }
    return new RecordKey(parts);
  }

  /** Writes the key values into a record, in key order. */
  void writeTo(ResourceSpec spec, ObjectNode record) {
    for (int i = 0; i < parts.size(); i++) {
      String name = spec.keys().get(i).name();
      if (parts.get(i) instanceof Long n) {
        record.put(name, n);
      } else {
        record.put(name, (String) parts.get(i));
      }
    }
  }

  @Override
  public int compareTo(RecordKey other) {
    for (int i = 0; i < Math.min(parts.size(), other.parts.size()); i++) {
      int c = compare(parts.get(i), other.parts.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(parts.size(), other.parts.size());
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    return a instanceof Long ? -1 : 1;
  }
}
