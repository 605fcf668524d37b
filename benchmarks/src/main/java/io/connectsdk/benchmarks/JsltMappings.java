package io.connectsdk.benchmarks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Function;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.KeyMap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The two mappings as JSLT expressions (class-path {@code *.jslt}), with the two extension
 * functions a user would register for what JSLT cannot do itself: {@code decimal(value, scale[,
 * rounding])} (exact BigDecimal money; JSLT numbers are doubles) and {@code crossref(id)} (the
 * KeyMap lookup). Compiled expressions are immutable and thread-safe.
 */
public final class JsltMappings {
  private JsltMappings() {}

  public static Expression customer() {
    return compile("customer-bng-to-sage300.jslt", List.of(new DecimalFunction()));
  }

  public static Expression order(KeyMap keyMap) {
    return compile("order-bng-to-sage300.jslt",
        List.of(new DecimalFunction(), new CrossRefFunction(keyMap)));
  }

  private static Expression compile(String resource, List<Function> functions) {
    return Parser.compileString(Fixtures.text("/" + resource), functions);
  }

  /** {@code decimal(value, scale[, rounding])}: exact rescale, HALF_UP unless told. */
  private static final class DecimalFunction implements Function {
    @Override
    public String getName() {
      return "decimal";
    }

    @Override
    public int getMinArguments() {
      return 2;
    }

    @Override
    public int getMaxArguments() {
      return 3;
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] args) {
      if (args[0].isNull()) {
        return NullNode.instance;
      }
      BigDecimal d = Checks.decimal(args[0]);
      if (d == null) {
        throw new JsltException("not a decimal number: " + args[0]);
      }
      RoundingMode mode = args.length > 2 ? RoundingMode.valueOf(args[2].asText())
          : RoundingMode.HALF_UP;
      return Json.nodes().numberNode(d.setScale(args[1].asInt(), mode));
    }
  }

  /** {@code crossref(id)}: the linked Sage 300 customer number, or an error if none. */
  private static final class CrossRefFunction implements Function {
    private final KeyMap keyMap;

    CrossRefFunction(KeyMap keyMap) {
      this.keyMap = requireNonNull(keyMap, "keyMap");
    }

    @Override
    public String getName() {
      return "crossref";
    }

    @Override
    public int getMinArguments() {
      return 1;
    }

    @Override
    public int getMaxArguments() {
      return 1;
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] args) {
      String id = args[0].asText();
      RecordRef linked = keyMap.lookup(new RecordRef(Fixtures.BNG, EntityType.CUSTOMER, id),
          Fixtures.SAGE).orElseThrow(() -> new JsltException("dangling reference: " + id));
      return Json.nodes().textNode(linked.id());
    }
  }
}
