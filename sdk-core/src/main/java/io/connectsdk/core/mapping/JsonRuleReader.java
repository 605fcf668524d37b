package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.EntityType;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Turns one rule object of a mapping document into a {@link RuleSpec}; see {@link MappingLoader}. */
final class JsonRuleReader {
  private static final List<String> KINDS = List.of("copy", "constant", "join", "valueMap",
      "lookup", "crossRef", "decimal", "date", "currency", "function", "split", "addressJoin",
      "addressSplit", "lines");
  private static final Set<String> COMMON = Set.of("to", "when", "default", "trim", "case",
      "truncate");
  private static final Map<String, Set<String>> KEYS = Map.ofEntries(
      Map.entry("copy", Set.of()),
      Map.entry("constant", Set.of()),
      Map.entry("join", Set.of("separator")),
      Map.entry("valueMap", Set.of("from", "strict", "otherwise")),
      Map.entry("lookup", Set.of("from", "strict", "otherwise")),
      Map.entry("crossRef", Set.of("from", "optional")),
      Map.entry("decimal", Set.of("from", "rounding", "output")),
      Map.entry("date", Set.of("from", "inputPattern", "inputZone", "zone")),
      Map.entry("currency", Set.of("from", "fromCurrency", "fromCurrencyField", "dateField",
          "scale", "rounding", "output")),
      Map.entry("function", Set.of("from")),
      Map.entry("split", Set.of("separator", "to", "index", "when")),
      Map.entry("addressJoin", Set.of("street", "toLines", "fields", "when")),
      Map.entry("addressSplit", Set.of("separator", "to", "when")),
      Map.entry("lines", Set.of("to", "mapping", "required", "when")));

  private final MappingLoader loader;
  private final Map<String, Map<String, JsonNode>> tables;
  private final String mappingName;
  /** How many line mappings enclose the rules read: 0 at the top. */
  private final int nesting;

  JsonRuleReader(MappingLoader loader, Map<String, Map<String, JsonNode>> tables,
      String mappingName, int nesting) {
    this.loader = loader;
    this.tables = tables;
    this.mappingName = mappingName;
    this.nesting = nesting;
  }

  RuleSpec<?> read(Def rule) {
    String kind = kind(rule);
    Set<String> allowed = new java.util.HashSet<>(KEYS.get(kind));
    allowed.add(kind);
    boolean valueKind = !Set.of("split", "addressJoin", "addressSplit", "lines").contains(kind);
    if (valueKind) {
      allowed.addAll(COMMON);
    }
    rule.onlyKeys(allowed);
    RuleSpec<?> spec = switch (kind) {
      case "split" -> split(rule);
      case "addressJoin" -> addressJoin(rule);
      case "addressSplit" -> addressSplit(rule);
      case "lines" -> lines(rule);
      default -> value(rule, kind);
    };
    if (rule.has("when")) {
      JsonNode when = rule.raw("when");
      if (when.isArray()) {
        if (when.isEmpty()) {
          throw rule.error("when", "expected a condition or a non-empty array of conditions");
        }
        for (int i = 0; i < when.size(); i++) {
          spec.when(JsonConditionReader.read(Def.object(when.get(i), rule.at("when") + "[" + i + "]")));
        }
      } else {
        spec.when(JsonConditionReader.read(Def.object(when, rule.at("when"))));
      }
    }
    return spec;
  }

  private static String kind(Def rule) {
    String found = null;
    for (String kind : KINDS) {
      if (rule.has(kind)) {
        if (found != null) {
          throw new MappingDefinitionException(rule.path(),
              "has two rule kinds, '" + found + "' and '" + kind + "'");
        }
        found = kind;
      }
    }
    if (found == null) {
      throw new MappingDefinitionException(rule.path(), "no rule kind: expected one of " + KINDS);
    }
    return found;
  }

  private ValueRule value(Def r, String kind) {
    ValueRule v = switch (kind) {
      case "copy" -> guard(r.at("copy"), () -> Rules.copy(r.text("copy")));
      case "constant" -> guard(r.at("constant"), () -> Rules.constant(r.value("constant")));
      case "join" -> guard(r.at("join"), () -> Rules.join(
          separator(r, " "),
          r.texts("join").toArray(new String[0])));
      case "function" -> r.has("from") && r.raw("from").isArray()
          ? guard(r.at("from"), () -> Rules.all(r.texts("from").toArray(new String[0])))
          : guard(r.at("from"), () -> Rules.copy(r.text("from")));
      default -> guard(r.at("from"), () -> Rules.copy(r.text("from")));
    };
    if (r.has("default")) {
      guard(r.at("default"), () -> v.orDefault(r.value("default")));
    }
    if (r.bool("trim", false)) {
      v.trim();
    }
    convert(r, kind, v);
    if (r.has("case")) {
      String c = r.text("case");
      switch (c) {
        case "upper" -> v.upper();
        case "lower" -> v.lower();
        default -> throw r.error("case", "expected 'upper' or 'lower'");
      }
    }
    if (r.has("truncate")) {
      int n = r.integer("truncate", 0);
      guard(r.at("truncate"), () -> v.truncate(n));
    }
    return guard(r.at("to"), () -> v.to(r.text("to")));
  }

  private void convert(Def r, String kind, ValueRule v) {
    switch (kind) {
      case "valueMap" -> {
        JsonNode map = r.raw("valueMap");
        if (!map.isObject() || map.isEmpty()) {
          throw r.error("valueMap", "expected a non-empty object of code to value");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
          guard(r.at("valueMap") + "." + e.getKey(), () -> Values.node(e.getValue()));
          values.put(e.getKey(), e.getValue());
        }
        unknownPolicy(r, () -> v.valueMap(values), o -> v.valueMap(values, o),
            () -> v.valueMapPassThrough(values));
      }
      case "lookup" -> {
        String table = r.text("lookup");
        if (!tables.containsKey(table)) {
          throw r.error("lookup", "unknown lookup table '" + table + "' (known: "
              + new java.util.TreeSet<>(tables.keySet()) + ")");
        }
        unknownPolicy(r, () -> v.lookup(table), o -> v.lookup(table, o),
            () -> v.lookupPassThrough(table));
      }
      case "crossRef" -> {
        Def x = r.child("crossRef");
        x.onlyKeys(Set.of("sourceSystem", "type", "targetSystem"));
        EntityType type = guard(x.at("type"), () -> EntityType.of(x.text("type")));
        v.crossRef(x.text("sourceSystem"), type, x.text("targetSystem"), r.bool("optional", false));
      }
      case "decimal" -> {
        int scale = r.integer("decimal", -2);
        if (scale < 0 || scale > Values.MAX_DIGITS) {
          throw r.error("decimal", "expected the scale, an integer from 0 to " + Values.MAX_DIGITS);
        }
        v.decimal(scale, rounding(r), output(r));
      }
      case "date" -> {
        String out = r.text("date");
        String in = r.has("inputPattern") ? r.text("inputPattern") : "ISO";
        if (!"ISO".equals(out)) {
          guard(r.at("date"), () -> DateConverter.outputPattern(out));
        }
        if (!"ISO".equals(in)) {
          guard(r.at("inputPattern"), () -> DateConverter.strictPattern(in));
        }
        DateConversion conversion = new DateConversion("ISO".equals(in) ? null : in,
            r.has("inputZone") ? zone(r, "inputZone") : ZoneOffset.UTC,
            r.has("zone") ? zone(r, "zone") : null, "ISO".equals(out) ? null : out);
        guard(r.path(), () -> v.date(conversion));
      }
      case "currency" -> {
        if (r.has("fromCurrency") == r.has("fromCurrencyField")) {
          throw r.error("currency", "set exactly one of fromCurrency and fromCurrencyField");
        }
        int scale = r.integer("scale", 2);
        if (scale < 0 || scale > Values.MAX_DIGITS) {
          throw r.error("scale", "expected an integer from 0 to " + Values.MAX_DIGITS);
        }
        CurrencyConversion.Builder c = CurrencyConversion.to(r.text("currency"))
            .scale(scale).rounding(rounding(r)).output(output(r));
        if (r.has("fromCurrency")) {
          c.from(r.text("fromCurrency"));
        }
        if (r.has("fromCurrencyField")) {
          String field = r.text("fromCurrencyField");
          guard(r.at("fromCurrencyField"), () -> Path.of(field));
          c.fromField(field);
        }
        String dateField = r.text("dateField");
        guard(r.at("dateField"), () -> Path.of(dateField));
        v.currency(guard(r.path(), () -> c.dateField(dateField)));
      }
      case "function" -> {
        String name = r.text("function");
        if (loader.functions().get(name).isEmpty()) {
          throw r.error("function", "unknown function '" + name + "' (registered: "
              + new java.util.TreeSet<>(loader.functions().names()) + ")");
        }
        v.function(name);
      }
      default -> { }
    }
  }

  private static void unknownPolicy(Def r, Runnable strict,
      java.util.function.Consumer<JsonNode> otherwise, Runnable passThrough) {
    boolean isStrict = r.bool("strict", !r.has("otherwise"));
    if (r.has("otherwise")) {
      if (isStrict) {
        throw r.error("strict", "cannot be true together with 'otherwise'");
      }
      guard(r.at("otherwise"), () -> {
        otherwise.accept(r.value("otherwise"));
        return null;
      });
    } else if (isStrict) {
      strict.run();
    } else {
      passThrough.run();
    }
  }

  private static String separator(Def r, String orElse) {
    JsonNode v = r.raw("separator");
    if (v == null) {
      return orElse;
    }
    if (!v.isTextual()) {
      throw r.error("separator", "expected a string");
    }
    return v.textValue();
  }

  private static RoundingMode rounding(Def r) {
    String mode = r.has("rounding") ? r.text("rounding") : "HALF_UP";
    for (RoundingMode m : RoundingMode.values()) {
      if (m.name().equals(mode)) {
        return m;
      }
    }
    throw r.error("rounding", "unknown rounding mode '" + mode + "' (valid: "
        + java.util.Arrays.toString(RoundingMode.values()) + ")");
  }

  private static NumberOutput output(Def r) {
    String out = r.has("output") ? r.text("output") : "number";
    return switch (out) {
      case "number" -> NumberOutput.NUMBER;
      case "string" -> NumberOutput.TEXT;
      default -> throw r.error("output", "expected 'number' or 'string'");
    };
  }

  private static ZoneId zone(Def r, String key) {
    return guard(r.at(key), () -> ZoneId.of(r.text(key)));
  }

  private static SplitRule split(Def r) {
    String separator = separator(r, " ");
    if (separator.isEmpty()) {
      throw r.error("separator", "must not be empty");
    }
    SplitRule s = guard(r.at("split"), () -> Rules.split(r.text("split"), separator));
    if (r.has("index")) {
      int index = r.integer("index", 0);
      return guard(r.at("index"), () -> s.index(index, r.text("to")));
    }
    if (r.has("to") && r.raw("to").isTextual()) {
      throw r.error("to", "expected [first, rest] (or a string with 'index')");
    }
    List<String> to = r.texts("to");
    if (to.size() != 2) {
      throw r.error("to", "expected [first, rest] (or a string with 'index')");
    }
    return guard(r.at("to"), () -> s.firstRest(to.get(0), to.get(1)));
  }

  private static AddressJoinRule addressJoin(Def r) {
    AddressJoinRule a = guard(r.at("addressJoin"), () -> Rules.addressJoin(r.text("addressJoin")));
    if (r.has("street") || r.has("toLines")) {
      List<String> street = r.texts("street");
      guard(r.at("street"), () -> AddressLines.paths(street));
      List<String> toLines = r.texts("toLines");
      guard(r.at("toLines"), () -> AddressLines.paths(toLines));
      a.lines(street, toLines);
    }
    if (r.has("fields")) {
      Def fields = r.child("fields");
      for (Iterator<String> it = r.raw("fields").fieldNames(); it.hasNext(); ) {
        String part = it.next();
        guard(fields.at(part), () -> a.field(part, fields.text(part)));
      }
    }
    return a;
  }

  private static AddressSplitRule addressSplit(Def r) {
    AddressSplitRule a = guard(r.at("addressSplit"), () -> Rules.addressSplit(r.text("addressSplit")));
    String separator = separator(r, "\n");
    guard(r.at("separator"), () -> a.separator(separator));
    String[] to = r.texts("to").toArray(new String[0]);
    return guard(r.at("to"), () -> a.to(to));
  }

  private LinesRule lines(Def r) {
    String from = r.text("lines");
    guard(r.at("lines"), () -> Path.of(from));
    String to = r.text("to");
    guard(r.at("to"), () -> Path.of(to));
    if (nesting + 1 > LinesRule.MAX_NESTING) {
      throw r.error("mapping", "line mappings nest deeper than " + LinesRule.MAX_NESTING
          + " levels");
    }
    CompiledMapping nested = loader.loadNested(r.child("mapping"), mappingName + "/" + to, tables,
        nesting + 1);
    boolean required = r.bool("required", false);
    LinesRule lines = guard(r.at("mapping"), () -> Rules.lines(from, to, nested));
    return required ? lines.required() : lines;
  }

  /** Runs a builder call, turning its IllegalArgumentException into one located at {@code path}. */
  static <T> T guard(String path, Supplier<T> call) {
    try {
      return call.get();
    } catch (MappingDefinitionException e) {
      throw e;
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new MappingDefinitionException(path, e.getMessage());
    }
  }
}
