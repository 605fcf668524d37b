package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.store.KeyMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Loads a {@link CompiledMapping} from a JSON document, so mappings can be edited without
 * recompiling. The document compiles to exactly the mapping the same rules built with {@link
 * MappingBuilder} would give. Immutable and thread-safe; holds what documents may refer to:
 * functions, lookup tables, a KeyMap and a rate provider.
 *
 * <h2>Document</h2>
 *
 * <pre>{@code
 * {
 *   "name": "customer-bng-to-sage300",                        // required
 *   "tables": {"terms": {"net30": "NET30"}},                   // optional named lookup tables
 *   "rules": [ ... ],                                          // required, applied in order
 *   "validate": [{"field": "CustomerName", "required": true, "maxLength": 60}]   // optional
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 *
 * Each rule is an object with exactly one kind key. Value rules write one field {@code "to"}:
 *
 * <ul>
 *   <li>{@code {"copy": "billing_address.city", "to": "City"}} copy/rename; dotted paths
 *   <li>{@code {"constant": "RTL", "to": "GroupCode"}} any JSON value
 *   <li>{@code {"join": ["first_name", "last_name"], "separator": " ", "to": "ContactName"}}
 *       skips missing/blank parts; default separator one space
 *   <li>{@code {"valueMap": {"active": "Active"}, "from": "status", "to": "Status"}} with
 *       {@code "strict": true} (default: unknown code is a field error), {@code "otherwise": v}
 *       (unknown code becomes v) or {@code "strict": false} (unknown code passes through)
 *   <li>{@code {"lookup": "terms", "from": "payment_terms", "to": "Terms"}} a named table from
 *       {@code "tables"} or the loader; same {@code strict}/{@code otherwise}
 *   <li>{@code {"crossRef": {"sourceSystem": "bng", "type": "customer", "targetSystem":
 *       "sage300"}, "from": "customer_id", "to": "CustomerNumber"}} through the KeyMap; no link is
 *       a "dangling reference" error unless {@code "optional": true}
 *   <li>{@code {"decimal": 2, "from": "credit_limit", "to": "CreditLimitCustomerCurrency"}} scale;
 *       {@code "rounding"} a {@link java.math.RoundingMode} name (default HALF_UP),
 *       {@code "output"} {@code "number"} (default) or {@code "string"} ({@code "5000.00"})
 *   <li>{@code {"date": "yyyy-MM-dd", "from": "order_date", "to": "OrderDate"}} output pattern or
 *       {@code "ISO"}; {@code "inputPattern"} (default {@code "ISO"}), {@code "inputZone"} for
 *       inputs without offset (default UTC), {@code "zone"} to convert to
 *   <li>{@code {"currency": "CAD", "from": "totals.total", "fromCurrencyField": "currency",
 *       "dateField": "order_date", "to": "Total"}} or {@code "fromCurrency": "USD"};
 *       {@code "scale"} (2), {@code "rounding"}, {@code "output"}
 *   <li>{@code {"function": "normalizePhone", "from": "phone", "to": "PhoneNumber"}} a registered
 *       {@link MappingFunction}; {@code "from"} may be an array (the function gets an array)
 * </ul>
 *
 * Every value rule also takes {@code "default"} (used when the input is missing, null or blank),
 * {@code "trim": true} (before the conversion), {@code "case": "upper"|"lower"} and {@code
 * "truncate": n} (after it). Other rules:
 *
 * <ul>
 *   <li>{@code {"split": "contact", "separator": " ", "to": ["FirstName", "LastName"]}} first and
 *       rest, or {@code "index": 1, "to": "Variant"}
 *   <li>{@code {"addressJoin": "billing_address", "street": ["line1", "line2"], "toLines":
 *       ["AddressLine1", "AddressLine2"], "fields": {"city": "City"}}}
 *   <li>{@code {"addressSplit": "address", "separator": "\n", "to": ["line1", "line2"]}}
 *   <li>{@code {"lines": "lines", "to": "OrderDetails", "mapping": {"rules": [...], "validate":
 *       [...]}}} a nested document (name optional) for each element; {@code "required": true}
 * </ul>
 *
 * Any rule takes {@code "when"}: {@code {"field": "status", "equals": "active"}} (or {@code
 * notEquals}, {@code "present": true|false}, {@code "matches": "regex"}), or an array of them
 * (all must hold). Validations: {@code {"field", "required", "maxLength", "pattern", "oneOf",
 * "min", "max"}}. Unknown keys are errors, so a typo cannot silently disable a rule.
 *
 * <h2>Errors</h2>
 *
 * An invalid document throws {@link MappingDefinitionException} with the JSON path of the problem
 * ({@code rules[3].valueMap}) and the reason. Text is read strictly: a duplicate key is an error
 * ({@code rules[0].to: duplicate key 'to' (line 4, column 31)}), not last-wins, and a syntax error
 * gives the path read so far, the line and the column. A document may be at most 256 levels deep,
 * line mappings may nest at most {@value LinesRule#MAX_NESTING} levels, and constants, defaults
 * and table values must keep the value rules every mapping output keeps (bounded numbers, text
 * without unpaired surrogates or control characters; see the module README).
 */
public final class MappingLoader {
  private static final Set<String> TOP = Set.of("name", "tables", "rules", "validate");
  private static final Set<String> VALIDATION = Set.of("field", "required", "maxLength",
      "pattern", "oneOf", "min", "max");

  private final MappingFunctions functions;
  private final Map<String, Map<String, ?>> tables;
  private final KeyMap keyMap;
  private final RateProvider rates;

  private MappingLoader(Builder b) {
    this.functions = b.functions;
    this.tables = Map.copyOf(b.tables);
    this.keyMap = b.keyMap;
    this.rates = b.rates;
  }

  /** A loader without functions, tables, KeyMap or rates. */
  public static MappingLoader defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads a document from JSON text.
   *
   * @throws MappingDefinitionException if the text is not JSON or the document is invalid
   */
  public CompiledMapping load(String json) {
    requireNonNull(json, "json");
    JsonNode document;
    try {
      document = JsonSyntax.read(JsonSyntax.READER.createParser(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen for a String
    }
    return load(document);
  }

  /** Loads a document from a UTF-8 stream (not closed). */
  public CompiledMapping load(InputStream json) {
    requireNonNull(json, "json");
    JsonNode document;
    try {
      document = JsonSyntax.read(JsonSyntax.READER.createParser(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return load(document);
  }

  /**
   * Loads a parsed document.
   *
   * @throws MappingDefinitionException if the document is invalid, nested deeper than 256 levels
   *     (e.g. a document built in Java that contains itself), or nests line mappings deeper than
   *     {@value LinesRule#MAX_NESTING}
   */
  public CompiledMapping load(JsonNode document) {
    DocumentShape.check(document);
    return load(Def.object(document, ""), null, Map.of(), 0);
  }

  MappingFunctions functions() {
    return functions;
  }

  CompiledMapping loadNested(Def doc, String defaultName,
      Map<String, Map<String, JsonNode>> inherited, int nesting) {
    return load(doc, defaultName, inherited, nesting);
  }

  private CompiledMapping load(Def doc, String defaultName,
      Map<String, Map<String, JsonNode>> inherited, int nesting) {
    doc.onlyKeys(TOP);
    String name = defaultName != null && !doc.has("name") ? defaultName : doc.text("name");
    MappingBuilder b = Mapping.builder(name).functions(functions);
    if (keyMap != null) {
      b.keyMap(keyMap);
    }
    if (rates != null) {
      b.rates(rates);
    }
    Map<String, Map<String, JsonNode>> known = new LinkedHashMap<>();
    tables.forEach((k, v) -> known.put(k, nodes(v)));
    known.putAll(inherited);
    if (doc.has("tables")) {
      readTables(doc.child("tables"), known);
    }
    known.forEach(b::table);
    JsonNode rules = doc.raw("rules");
    if (rules == null || !rules.isArray()) {
      throw doc.error("rules", rules == null ? "is required" : "expected an array");
    }
    JsonRuleReader reader = new JsonRuleReader(this, known, name, nesting);
    for (int i = 0; i < rules.size(); i++) {
      Def rule = Def.object(rules.get(i), doc.at("rules") + "[" + i + "]");
      b.rule(JsonRuleReader.guard(rule.path(), () -> reader.read(rule)));
    }
    JsonNode checks = doc.raw("validate");
    if (checks != null) {
      if (!checks.isArray()) {
        throw doc.error("validate", "expected an array");
      }
      for (int i = 0; i < checks.size(); i++) {
        Def check = Def.object(checks.get(i), doc.at("validate") + "[" + i + "]");
        b.validate(JsonRuleReader.guard(check.path(), () -> validation(check)));
      }
    }
    try {
      return b.build();
    } catch (MappingDefinitionException e) {
      throw doc.path().isEmpty() ? e : e.within(doc.path());
    }
  }

  private static void readTables(Def tablesDef, Map<String, Map<String, JsonNode>> known) {
    for (Iterator<String> names = tablesDef.node().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      Def table = Def.object(tablesDef.raw(name), tablesDef.at(name));
      Map<String, JsonNode> entries = new LinkedHashMap<>();
      for (Iterator<String> keys = table.node().fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        JsonNode value = table.raw(key);
        if (value.isNull() || value.isContainerNode()) {
          throw table.error(key, "expected a string, number or boolean");
        }
        if (value.isTextual() && Values.textProblem(value.textValue()) != null) {
          throw table.error(key, Values.textProblem(value.textValue()));
        }
        if (value.isNumber() && Values.numberProblem(value) != null) {
          throw table.error(key, Values.numberProblem(value));
        }
        entries.put(key, value);
      }
      known.put(name, Map.copyOf(entries));
    }
  }

  private static Map<String, JsonNode> nodes(Map<String, ?> entries) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> out.put(k, Values.node(v)));
    return out;
  }

  private static FieldValidation validation(Def v) {
    v.onlyKeys(VALIDATION);
    FieldValidation f = JsonRuleReader.guard(v.at("field"), () -> FieldValidation.field(v.text("field")));
    if (v.bool("required", false)) {
      f.required();
    }
    if (v.has("maxLength")) {
      int max = v.integer("maxLength", 0);
      JsonRuleReader.guard(v.at("maxLength"), () -> f.maxLength(max));
    }
    if (v.has("pattern")) {
      JsonRuleReader.guard(v.at("pattern"), () -> f.pattern(v.text("pattern")));
    }
    if (v.has("oneOf")) {
      f.oneOf(v.texts("oneOf"));
    }
    if (v.has("min") || v.has("max")) {
      BigDecimal min = v.decimal("min");
      BigDecimal max = v.decimal("max");
      JsonRuleReader.guard(v.at(v.has("max") ? "max" : "min"), () -> f.range(min, max));
    }
    return f;
  }

  /** Configures a {@link MappingLoader}; {@link #build()} copies. Not thread-safe. */
  public static final class Builder {
    private MappingFunctions functions = MappingFunctions.none();
    private final Map<String, Map<String, ?>> tables = new LinkedHashMap<>();
    private KeyMap keyMap;
    private RateProvider rates;

    private Builder() {}

    public Builder functions(MappingFunctions functions) {
      this.functions = requireNonNull(functions, "functions");
      return this;
    }

    /** A lookup table every loaded document may use. */
    public Builder table(String name, Map<String, ?> entries) {
      tables.put(requireNonNull(name, "name"), Map.copyOf(requireNonNull(entries, "entries")));
      return this;
    }

    public Builder keyMap(KeyMap keyMap) {
      this.keyMap = requireNonNull(keyMap, "keyMap");
      return this;
    }

    public Builder rates(RateProvider rates) {
      this.rates = requireNonNull(rates, "rates");
      return this;
    }

    public MappingLoader build() {
      return new MappingLoader(this);
    }
  }
}
