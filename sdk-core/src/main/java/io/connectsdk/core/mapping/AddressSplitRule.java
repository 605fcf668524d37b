package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a free-form address (text with a line separator, default newline, or an array of texts)
 * into a fixed number of line fields: blank lines are dropped, extra lines are appended to the last
 * field, unused fields are written as {@code ""}.
 *
 * <pre>{@code
 * Rules.addressSplit("Address").to("line1", "line2")
 * }</pre>
 */
public final class AddressSplitRule extends RuleSpec<AddressSplitRule> {
  private final Path from;
  private String separator = "\n";
  private List<String> targets = List.of();

  AddressSplitRule(String from) {
    this.from = Path.of(requireNonNull(from, "from"));
  }

  /** The line separator in text input; default {@code "\n"} ({@code "\r\n"} is handled too). */
  public AddressSplitRule separator(String separator) {
    if (requireNonNull(separator, "separator").isEmpty()) {
      throw new IllegalArgumentException("separator is empty");
    }
    this.separator = separator;
    return this;
  }

  /** The target line fields, in order. */
  public AddressSplitRule to(String... lineFields) {
    if (lineFields.length == 0) {
      throw new IllegalArgumentException("addressSplit needs at least one target line");
    }
    AddressLines.paths(List.of(lineFields));
    this.targets = List.of(lineFields);
    return this;
  }

  @Override
  Step compile(BuildContext ctx) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("addressSplit needs to(...)");
    }
    Path[] lineTargets = AddressLines.paths(targets);
    java.util.regex.Pattern splitter = java.util.regex.Pattern.compile(
        java.util.regex.Pattern.quote(separator));
    return (JsonNode in, ObjectNode out, Ctx c) -> {
      JsonNode v = from.read(in, c);
      if (v == null) {
        return;
      }
      List<String> lines = new ArrayList<>(lineTargets.length);
      if (v.isTextual()) {
        if (!OutputCheck.okText(v.textValue(), from.text(), c)) {
          return;
        }
        for (String line : splitter.split(v.textValue(), -1)) {
          if (!line.isBlank()) {
            lines.add(line.strip());
          }
        }
      } else if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          JsonNode line = v.get(i);
          if (Values.isBlank(line)) {
            continue;
          }
          if (!line.isTextual()) {
            c.sourceError(from.text() + "[" + i + "]", "addressSplit", "expected text", line);
            return;
          }
          if (!OutputCheck.okText(line.textValue(), from.text() + "[" + i + "]", c)) {
            return;
          }
          lines.add(line.textValue().strip());
        }
      } else {
        c.sourceError(from.text(), "addressSplit", "expected text or an array of texts", v);
        return;
      }
      AddressLines.fill(lines, lineTargets, out);
    };
  }

  @Override
  void collect(Set<String> topLevel) {
    topLevel.add(from.first());
  }

  @Override
  List<String> targets() {
    return targets;
  }
}
