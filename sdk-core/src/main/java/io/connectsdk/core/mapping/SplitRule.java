package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a text at a literal separator into trimmed, non-empty parts, then writes either the first
 * part and the rest (e.g. a full name into first and last name), or the part at an index. A part
 * that does not exist writes nothing.
 *
 * <pre>{@code
 * Rules.split("contact", " ").firstRest("FirstName", "LastName")   // "Ann van Dyke" -> Ann / van Dyke
 * Rules.split("sku", "-").index(1, "Variant")                        // "TSH-RED-XL" -> RED
 * }</pre>
 */
public final class SplitRule extends RuleSpec<SplitRule> {
  private final Path from;
  private final String separator;
  private String firstTo;
  private String restTo;
  private int index = -1;
  private String indexTo;

  SplitRule(String from, String separator) {
    this.from = Path.of(requireNonNull(from, "from"));
    this.separator = requireNonNull(separator, "separator");
    if (separator.isEmpty()) {
      throw new IllegalArgumentException("separator is empty");
    }
  }

  /** Writes the first part to {@code firstTo} and the remaining parts, re-joined, to {@code restTo}. */
  public SplitRule firstRest(String firstTo, String restTo) {
    this.firstTo = Path.of(requireNonNull(firstTo, "firstTo")).text();
    this.restTo = Path.of(requireNonNull(restTo, "restTo")).text();
    this.indexTo = null;
    return this;
  }

  /** Writes the part at this zero-based index to {@code to}. */
  public SplitRule index(int index, String to) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0: " + index);
    }
    this.index = index;
    this.indexTo = Path.of(requireNonNull(to, "to")).text();
    this.firstTo = null;
    return this;
  }

  @Override
  Step compile(BuildContext ctx) {
    if (firstTo == null && indexTo == null) {
      throw new IllegalArgumentException("split needs firstRest(...) or index(...)");
    }
    Path first = firstTo == null ? null : Path.of(firstTo);
    Path rest = restTo == null ? null : Path.of(restTo);
    Path at = indexTo == null ? null : Path.of(indexTo);
    int idx = index;
    String sep = separator;
    return (JsonNode in, ObjectNode out, Ctx c) -> {
      JsonNode v = from.read(in, c);
      if (Values.isBlank(v)) {
        return;
      }
      if (!v.isTextual()) {
        c.sourceError(from.text(), "split", "expected text", v);
        return;
      }
      if (!OutputCheck.okText(v.textValue(), from.text(), c)) {
        return;
      }
      if (at != null) {
        // index form: find the one part wanted without collecting the others
        String part = part(v.textValue(), sep, idx);
        if (part != null) {
          at.write(out, Json.nodes().textNode(part));
        }
        return;
      }
      List<String> parts = parts(v.textValue(), sep);
      if (parts.isEmpty()) {
        return;
      }
      first.write(out, Json.nodes().textNode(parts.get(0)));
      if (parts.size() > 1) {
        rest.write(out, Json.nodes().textNode(String.join(sep, parts.subList(1, parts.size()))));
      }
    };
  }

  /** The {@code index}-th trimmed non-empty part, or null if there are fewer parts. */
  private static String part(String text, String separator, int index) {
    int seen = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf(separator, start);
      if (end < 0) {
        end = text.length();
      }
      String part = text.substring(start, end).strip();
      if (!part.isEmpty() && seen++ == index) {
        return part;
      }
      start = end + separator.length();
    }
    return null;
  }

  private static List<String> parts(String text, String separator) {
    List<String> parts = new ArrayList<>(4);
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf(separator, start);
      if (end < 0) {
        end = text.length();
      }
      String part = text.substring(start, end).strip();
      if (!part.isEmpty()) {
        parts.add(part);
      }
      start = end + separator.length();
    }
    return parts;
  }

  @Override
  void collect(Set<String> topLevel) {
    topLevel.add(from.first());
  }

  @Override
  List<String> targets() {
    return indexTo != null ? List.of(indexTo)
        : firstTo != null ? List.of(firstTo, restTo) : List.of();
  }
}
