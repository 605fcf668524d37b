package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A dotted field path split once at build time, read and written without parsing per record. */
final class Path {
  private final String text;
  private final String[] segments;

  private Path(String text, String[] segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses {@code a.b.c}.
   *
   * @throws IllegalArgumentException if the path is empty or has an empty segment
   */
  static Path of(String dotted) {
    if (dotted == null || dotted.isBlank()) {
      throw new IllegalArgumentException("field path is empty");
    }
    String[] parts = dotted.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        throw new IllegalArgumentException("field path '" + dotted + "' has an empty segment");
      }
      // Interned so that a map lookup usually finds the key by identity, without comparing
      // characters: Jackson interns the field names it parses, and the output's keys are the
      // (interned) target segments. Saves touching the key's text, often a cache miss.
      parts[i] = parts[i].intern();
    }
    return new Path(dotted, parts);
  }

  String text() {
    return text;
  }

  String first() {
    return segments[0];
  }

  /** The value, or null if missing, JSON null, or below a non-object; never reports. */
  JsonNode peek(JsonNode root) {
    // instanceof instead of JsonNode's virtual isObject()/isNull(): this runs for every field of
    // every record and the node classes vary, so virtual calls would not inline.
    JsonNode node = root;
    for (String segment : segments) {
      if (!(node instanceof ObjectNode object)) {
        return null;
      }
      node = object.get(segment);
    }
    return node instanceof NullNode ? null : node;
  }

  /**
   * The value, or null if missing or JSON null. A non-object where an object is needed is reported
   * as a {@code type} error (bad data is never silently dropped) and also gives null.
   */
  JsonNode read(JsonNode root, Ctx ctx) {
    JsonNode node = root;
    for (int i = 0; i < segments.length; i++) {
      if (!(node instanceof ObjectNode object)) {
        ctx.sourceError(prefix(i), "type", "expected an object", node);
        return null;
      }
      node = object.get(segments[i]);
      if (node == null || node instanceof NullNode) {
        return null;
      }
    }
    return node;
  }

  /** Sets the value, creating intermediate objects; an existing field keeps its position. */
  void write(ObjectNode out, JsonNode value) {
    ObjectNode node = out;
    int last = segments.length - 1;
    for (int i = 0; i < last; i++) {
      JsonNode child = node.get(segments[i]);
      node = child instanceof ObjectNode object ? object : node.putObject(segments[i]);
    }
    node.set(segments[last], value);
  }

  private String prefix(int count) {
    return String.join(".", java.util.Arrays.copyOf(segments, count));
  }

  @Override
  public String toString() {
    return text;
  }
}
