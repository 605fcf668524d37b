package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import java.util.List;
import java.util.Set;

/**
 * Maps a source array (e.g. order {@code lines}) to a target array (e.g. {@code OrderDetails}),
 * each element by a nested {@link CompiledMapping} that sees only that element. Errors inside an
 * element carry its position: {@code lines[2].sku} for source problems, {@code OrderDetails[2].Item}
 * for validation of the mapped line. A missing array writes nothing unless {@link #required()}.
 * Line mappings may nest (lines of lines) at most {@value #MAX_NESTING} levels deep, so neither
 * building nor applying a mapping can overflow the stack.
 */
public final class LinesRule extends RuleSpec<LinesRule> {
  /** The deepest nesting of line mappings. */
  public static final int MAX_NESTING = 16;

  private final Path from;
  private final Path to;
  private final CompiledMapping lineMapping;
  private boolean required;

  LinesRule(String from, String to, CompiledMapping lineMapping) {
    this.from = Path.of(requireNonNull(from, "from"));
    this.to = Path.of(requireNonNull(to, "to"));
    this.lineMapping = requireNonNull(lineMapping, "lineMapping");
    if (lineMapping.nesting() + 1 > MAX_NESTING) {
      throw new IllegalArgumentException("line mappings nest deeper than " + MAX_NESTING
          + " levels");
    }
  }

  /** A missing or null source array is a field error. */
  public LinesRule required() {
    this.required = true;
    return this;
  }

  @Override
  Step compile(BuildContext ctx) {
    String fromName = from.text();
    String toName = to.text();
    boolean mustExist = required;
    return (JsonNode in, ObjectNode out, Ctx c) -> {
      JsonNode lines = from.read(in, c);
      if (lines == null) {
        if (mustExist) {
          c.sourceError(fromName, "lines", "required", null);
        }
        return;
      }
      if (!lines.isArray()) {
        c.sourceError(fromName, "lines", "expected an array", lines);
        return;
      }
      ArrayNode mapped = Json.nodes().arrayNode(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        JsonNode line = lines.get(i);
        Ctx lineCtx = c.child(fromName, toName, i);
        if (!line.isObject()) {
          lineCtx.elementError("lines", "expected an object", line);
          continue;
        }
        ObjectNode target = lineMapping.newOutput();
        lineMapping.mapInto(line, target, lineCtx);
        mapped.add(target);
      }
      to.write(out, mapped);
    };
  }

  @Override
  void collect(Set<String> topLevel) {
    topLevel.add(from.first());
  }

  @Override
  int nesting() {
    return lineMapping.nesting() + 1;
  }

  @Override
  List<String> targets() {
    return List.of(to.text());
  }
}
