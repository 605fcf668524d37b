package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Bounds a mapping document before it is read: at most {@value #MAX_DEPTH} levels deep and
 * {@value #MAX_NODES} values in all. A document built in Java can contain itself or share subtrees
 * exponentially; without this check reading it would overflow the stack or never finish. The walk
 * is depth-first and stops at the first level too deep, so a cycle is found in {@value #MAX_DEPTH}
 * steps.
 */
final class DocumentShape {
  static final int MAX_DEPTH = 256;
  static final int MAX_NODES = 1_000_000;

  private int nodes;

  private DocumentShape() {}

  /** @throws MappingDefinitionException naming the first place that is too deep */
  static void check(JsonNode document) {
    if (document != null) {
      new DocumentShape().walk(document, 0, new StringBuilder());
    }
  }

  private void walk(JsonNode node, int depth, StringBuilder at) {
    if (++nodes > MAX_NODES) {
      throw new MappingDefinitionException(at.toString(),
          "document holds more than " + MAX_NODES + " values");
    }
    if (!node.isContainerNode()) {
      return;
    }
    if (depth >= MAX_DEPTH) {
      throw new MappingDefinitionException(at.toString(), "nested deeper than " + MAX_DEPTH
          + " levels (does the document contain itself?)");
    }
    int mark = at.length();
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (mark > 0) {
          at.append('.');
        }
        at.append(e.getKey());
        walk(e.getValue(), depth + 1, at);
        at.setLength(mark);
      }
    } else {
      for (int i = 0; i < node.size(); i++) {
        at.append('[').append(i).append(']');
        walk(node.get(i), depth + 1, at);
        at.setLength(mark);
      }
    }
  }
}
