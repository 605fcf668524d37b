package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The check every value passes before a rule writes it: text within the text rule, numbers within
 * their bounds (see {@link Values}), containers at most {@value #MAX_DEPTH} levels deep and at most
 * {@value #MAX_NODES} nodes in all. A value that breaks one is a field error instead of a value
 * that would crash, stall or be hashed ambiguously later (copying, hashing and printing a tree all
 * walk it). The walk itself is bounded by the same limits, so it cannot overflow the stack.
 */
final class OutputCheck {
  /** The deepest container a mapping writes; the JSON parser itself stops at 1,000. */
  static final int MAX_DEPTH = 100;
  /** The most nodes one written value may hold. */
  static final int MAX_NODES = 1_000_000;

  private final boolean content;
  private int nodes;

  private OutputCheck(boolean content) {
    this.content = content;
  }

  /**
   * Checks {@code value}; on a problem reports a field error at {@code path} (plus the position
   * inside the value) and returns false.
   */
  static boolean ok(JsonNode value, String path, Ctx ctx) {
    if (value instanceof TextNode t) { // the common case, without allocating a walker
      String problem = Values.textProblem(t.textValue());
      if (problem == null) {
        return true;
      }
      ctx.sourceError(path, "text", problem, value);
      return false;
    }
    if (value.isValueNode() && !value.isNumber()) {
      return true;
    }
    StringBuilder at = new StringBuilder(path);
    return report(new OutputCheck(true).walk(value, 0, at), at, ctx);
  }

  /**
   * Checks only the shape of a value handed to code that walks it (a custom function): depth and
   * size, not text or numbers, which the function may well clean up.
   */
  static boolean okShape(JsonNode value, String path, Ctx ctx) {
    if (!value.isContainerNode()) {
      return true;
    }
    StringBuilder at = new StringBuilder(path);
    return report(new OutputCheck(false).walk(value, 0, at), at, ctx);
  }

  /**
   * Why a value given in a definition (a constant, default or table value) could not be written,
   * or null if it can.
   */
  static String problem(JsonNode value) {
    StringBuilder at = new StringBuilder();
    Failure f = new OutputCheck(true).walk(value, 0, at);
    return f == null ? null : (at.length() == 0 ? "" : "at " + at + ": ") + f.message;
  }

  private static boolean report(Failure f, StringBuilder at, Ctx ctx) {
    if (f == null) {
      return true;
    }
    ctx.sourceError(at.toString(), f.rule, f.message, f.value);
    return false;
  }

  /** Checks a text about to be written; reports and returns false if it breaks the text rule. */
  static boolean okText(String text, String path, Ctx ctx) {
    String problem = Values.textProblem(text);
    if (problem == null) {
      return true;
    }
    ctx.sourceError(path, "text", problem, new TextNode(text));
    return false;
  }

  private record Failure(String rule, String message, JsonNode value) {}

  /** The first problem, leaving its position appended to {@code at}; null if none. */
  private Failure walk(JsonNode v, int depth, StringBuilder at) {
    if (++nodes > MAX_NODES) {
      return new Failure("size", "holds more than " + MAX_NODES + " values", null);
    }
    if (!content && !v.isContainerNode()) {
      return null;
    }
    if (v instanceof TextNode t) {
      String problem = Values.textProblem(t.textValue());
      return problem == null ? null : new Failure("text", problem, v);
    }
    if (v.isNumber()) {
      String problem = Values.numberProblem(v);
      return problem == null ? null : new Failure("number", problem, v);
    }
    if (!v.isContainerNode()) {
      return null;
    }
    if (depth >= MAX_DEPTH) {
      return new Failure("depth", "nested deeper than " + MAX_DEPTH + " levels", null);
    }
    int mark = at.length();
    if (v instanceof ObjectNode) {
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        at.append('.').append(e.getKey());
        String keyProblem = content ? Values.textProblem(e.getKey()) : null;
        if (keyProblem != null) {
          return new Failure("text", "field name: " + keyProblem, null);
        }
        Failure f = walk(e.getValue(), depth + 1, at);
        if (f != null) {
          return f;
        }
        at.setLength(mark);
      }
    } else if (v instanceof ArrayNode) {
      for (int i = 0; i < v.size(); i++) {
        at.append('[').append(i).append(']');
        Failure f = walk(v.get(i), depth + 1, at);
        if (f != null) {
          return f;
        }
        at.setLength(mark);
      }
    }
    return null;
  }
}
