package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import java.util.List;

/** Distributes address lines over a fixed number of target line fields. */
final class AddressLines {
  static final String OVERFLOW_SEPARATOR = ", ";

  private AddressLines() {}

  /**
   * Writes the lines in order; lines beyond the last target are appended to it (separated by
   * {@value #OVERFLOW_SEPARATOR}) rather than lost; unused targets are written as {@code ""} so an
   * update clears stale lines in the target system.
   */
  static void fill(List<String> lines, Path[] targets, ObjectNode out) {
    int last = targets.length - 1;
    for (int i = 0; i < targets.length; i++) {
      String value;
      if (i >= lines.size()) {
        value = "";
      } else if (i == last && lines.size() > targets.length) {
        value = String.join(OVERFLOW_SEPARATOR, lines.subList(last, lines.size()));
      } else {
        value = lines.get(i);
      }
      targets[i].write(out, Json.nodes().textNode(value));
    }
  }

  static Path[] paths(List<String> names) {
    Path[] paths = new Path[names.size()];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = Path.of(names.get(i));
    }
    return paths;
  }
}
