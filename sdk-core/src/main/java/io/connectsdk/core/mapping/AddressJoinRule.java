package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a structured address object onto a target's address fields: the non-blank street lines are
 * packed into the target line fields in order (extra lines are appended to the last one, unused
 * ones written as {@code ""}), and the other parts are copied field by field. A missing address
 * writes nothing; an address that is not an object is a field error.
 *
 * <pre>{@code
 * Rules.addressJoin("billing_address")
 *     .lines(List.of("line1", "line2"), List.of("AddressLine1", "AddressLine2", "AddressLine3"))
 *     .field("city", "City").field("postal_code", "ZipPostalCode")
 * }</pre>
 */
public final class AddressJoinRule extends RuleSpec<AddressJoinRule> {
  private final Path from;
  private List<String> lines = List.of();
  private List<String> toLines = List.of();
  private final Map<String, String> fields = new LinkedHashMap<>();

  AddressJoinRule(String from) {
    this.from = Path.of(requireNonNull(from, "from"));
  }

  /** Source line keys (inside the address) and the target line fields they are packed into. */
  public AddressJoinRule lines(List<String> sourceLines, List<String> targetLines) {
    if (sourceLines.isEmpty() || targetLines.isEmpty()) {
      throw new IllegalArgumentException("address lines and target lines must not be empty");
    }
    AddressLines.paths(sourceLines);
    AddressLines.paths(targetLines);
    this.lines = List.copyOf(sourceLines);
    this.toLines = List.copyOf(targetLines);
    return this;
  }

  /** Copies one part of the address (a key inside it) to a target field. */
  public AddressJoinRule field(String part, String to) {
    fields.put(Path.of(requireNonNull(part, "part")).text(), Path.of(requireNonNull(to, "to")).text());
    return this;
  }

  @Override
  Step compile(BuildContext ctx) {
    if (toLines.isEmpty() && fields.isEmpty()) {
      throw new IllegalArgumentException("addressJoin needs lines(...) or field(...)");
    }
    Path[] sourceLines = AddressLines.paths(lines);
    Path[] targetLines = AddressLines.paths(toLines);
    Path[] parts = AddressLines.paths(List.copyOf(fields.keySet()));
    Path[] partTargets = AddressLines.paths(List.copyOf(fields.values()));
    String base = from.text() + ".";
    return (JsonNode in, ObjectNode out, Ctx c) -> {
      JsonNode address = from.read(in, c);
      if (address == null) {
        return;
      }
      if (!address.isObject()) {
        c.sourceError(from.text(), "addressJoin", "expected an address object", address);
        return;
      }
      if (targetLines.length > 0) {
        List<String> values = new ArrayList<>(sourceLines.length);
        for (Path line : sourceLines) {
          JsonNode v = line.peek(address);
          if (Values.isBlank(v)) {
            continue;
          }
          if (v.isContainerNode()) {
            c.sourceError(base + line.text(), "addressJoin", "expected text", v);
            return;
          }
          String text = Values.asText(v);
          if (text == null) {
            c.sourceError(base + line.text(), "addressJoin", Values.numberProblem(v), v);
            return;
          }
          if (!OutputCheck.okText(text, base + line.text(), c)) {
            return;
          }
          values.add(text.strip());
        }
        AddressLines.fill(values, targetLines, out);
      }
      for (int i = 0; i < parts.length; i++) {
        JsonNode v = parts[i].peek(address);
        if (v == null) {
          continue;
        }
        if (v.isContainerNode()) {
          c.sourceError(base + parts[i].text(), "addressJoin", "expected text", v);
          continue;
        }
        if (OutputCheck.ok(v, base + parts[i].text(), c)) {
          partTargets[i].write(out, v);
        }
      }
    };
  }

  @Override
  void collect(Set<String> topLevel) {
    topLevel.add(from.first());
  }

  @Override
  List<String> targets() {
    List<String> all = new ArrayList<>(toLines);
    all.addAll(fields.values());
    return all;
  }
}
