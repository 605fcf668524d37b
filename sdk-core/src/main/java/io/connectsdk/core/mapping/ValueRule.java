package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.EntityType;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A rule that produces one target value: an input (a source path, several joined paths or a
 * constant), an optional default for a missing, null or blank input, then conversions applied in
 * the order they are added, then {@link #to(String) the target field}. A missing input without a
 * default writes nothing (use a {@code required} validation to insist on it).
 *
 * <pre>{@code
 * Rules.copy("credit_limit").decimal(2).to("CreditLimitCustomerCurrency")
 * Rules.copy("status").valueMap(Map.of("active", "Active", "inactive", "Inactive")).to("Status")
 * Rules.copy("company_name").trim().upper().truncate(10).to("ShortName")
 * }</pre>
 */
public final class ValueRule extends RuleSpec<ValueRule> {
  private final Function<String, Source> source;
  private final List<String> inputs;
  private final List<String> extraInputs = new ArrayList<>(0);
  private final List<Function<BuildContext, Converter>> converters = new ArrayList<>(2);
  private JsonNode defaultValue;
  private Path target;

  ValueRule(Function<String, Source> source, List<String> inputs) {
    this.source = source;
    this.inputs = List.copyOf(inputs);
  }

  /** The target field path, e.g. {@code CustomerName} or {@code Contact.Email}. */
  public ValueRule to(String target) {
    this.target = Path.of(requireNonNull(target, "target"));
    return this;
  }

  /** Used when the input is missing, null or blank; conversions then apply to it. */
  public ValueRule orDefault(Object value) {
    this.defaultValue = Values.node(requireNonNull(value, "value"));
    return this;
  }

  public ValueRule trim() {
    return add(c -> new TextConverter(TextConverter.Op.TRIM, 0));
  }

  public ValueRule upper() {
    return add(c -> new TextConverter(TextConverter.Op.UPPER, 0));
  }

  public ValueRule lower() {
    return add(c -> new TextConverter(TextConverter.Op.LOWER, 0));
  }

  /** Cuts text to at most {@code maxLength} characters (silently; validate maxLength to reject). */
  public ValueRule truncate(int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("truncate length must be >= 1: " + maxLength);
    }
    return add(c -> new TextConverter(TextConverter.Op.TRUNCATE, maxLength));
  }

  /** Maps codes through this table; an unknown code is a field error. */
  public ValueRule valueMap(Map<String, ?> values) {
    Map<String, JsonNode> table = nodes(values);
    return add(c -> new TableConverter("valueMap", "", table, null, true));
  }

  /** Maps codes through this table; an unknown code becomes {@code otherwise}. */
  public ValueRule valueMap(Map<String, ?> values, Object otherwise) {
    Map<String, JsonNode> table = nodes(values);
    JsonNode fallback = Values.node(requireNonNull(otherwise, "otherwise"));
    return add(c -> new TableConverter("valueMap", "", table, fallback, false));
  }

  /** Maps codes through this table; an unknown code passes through unchanged. */
  public ValueRule valueMapPassThrough(Map<String, ?> values) {
    Map<String, JsonNode> table = nodes(values);
    return add(c -> new TableConverter("valueMap", "", table, null, false));
  }

  /** Looks the value up in a named table of the builder; a missing key is a field error. */
  public ValueRule lookup(String table) {
    requireNonNull(table, "table");
    return add(c -> new TableConverter("lookup", table, c.table(table), null, true));
  }

  /** Looks the value up in a named table; a missing key becomes {@code otherwise}. */
  public ValueRule lookup(String table, Object otherwise) {
    requireNonNull(table, "table");
    JsonNode fallback = Values.node(requireNonNull(otherwise, "otherwise"));
    return add(c -> new TableConverter("lookup", table, c.table(table), fallback, false));
  }

  /** Looks the value up in a named table; a missing key passes through unchanged. */
  public ValueRule lookupPassThrough(String table) {
    requireNonNull(table, "table");
    return add(c -> new TableConverter("lookup", table, c.table(table), null, false));
  }

  /**
   * Translates a {@code sourceSystem} id of this type into the linked {@code targetSystem} id via
   * the builder's KeyMap; no link is a "dangling reference" field error.
   */
  public ValueRule crossRef(String sourceSystem, EntityType type, String targetSystem) {
    return crossRef(sourceSystem, type, targetSystem, false);
  }

  /** As {@link #crossRef(String, EntityType, String)}; if optional, no link writes nothing. */
  public ValueRule crossRef(String sourceSystem, EntityType type, String targetSystem,
      boolean optional) {
    requireNonNull(sourceSystem, "sourceSystem");
    requireNonNull(type, "type");
    requireNonNull(targetSystem, "targetSystem");
    return add(c -> new CrossRefConverter(c.keyMap(), sourceSystem, type, targetSystem, optional));
  }

  /** Parses a decimal and rounds HALF_UP to {@code scale} places, written as a JSON number. */
  public ValueRule decimal(int scale) {
    return decimal(scale, RoundingMode.HALF_UP, NumberOutput.NUMBER);
  }

  /**
   * Parses a number or numeric text exactly and rescales it.
   *
   * @param scale decimal places (at most 60), or -1 to keep the input's
   * @param rounding e.g. HALF_UP; UNNECESSARY makes extra places a field error
   */
  public ValueRule decimal(int scale, RoundingMode rounding, NumberOutput output) {
    if (scale < -1 || scale > Values.MAX_DIGITS) {
      throw new IllegalArgumentException("scale must be between -1 and " + Values.MAX_DIGITS + ": "
          + scale);
    }
    requireNonNull(rounding, "rounding");
    requireNonNull(output, "output");
    return add(c -> new DecimalConverter(scale, rounding, output == NumberOutput.TEXT));
  }

  /** Parses, converts the zone of, and formats a date or date-time. */
  public ValueRule date(DateConversion conversion) {
    requireNonNull(conversion, "conversion");
    // Compile now so a bad pattern fails at the call that made it.
    DateConverter converter = new DateConverter(conversion.inputPattern(),
        conversion.inputZone(), conversion.zone(), conversion.outputPattern());
    return add(c -> converter);
  }

  /** Converts an amount between currencies through the builder's {@link RateProvider}. */
  public ValueRule currency(CurrencyConversion conversion) {
    requireNonNull(conversion, "conversion");
    Path fromField = conversion.fromField() == null ? null : Path.of(conversion.fromField());
    Path dateField = Path.of(conversion.dateField());
    extraInputs.add(dateField.text());
    if (fromField != null) {
      extraInputs.add(fromField.text());
    }
    return add(c -> new CurrencyConverter(c.rates(), conversion.from(), fromField,
        conversion.to(), dateField, conversion.scale(), conversion.rounding(),
        conversion.output() == NumberOutput.TEXT));
  }

  /** Applies a function registered in the builder's {@link MappingFunctions}. */
  public ValueRule function(String name) {
    requireNonNull(name, "name");
    return add(c -> new FunctionConverter(name, c.function(name)));
  }

  private ValueRule add(Function<BuildContext, Converter> converter) {
    converters.add(converter);
    return this;
  }

  private static Map<String, JsonNode> nodes(Map<String, ?> values) {
    requireNonNull(values, "values");
    Map<String, JsonNode> table = new LinkedHashMap<>();
    values.forEach((k, v) -> table.put(requireNonNull(k, "key"), Values.node(v)));
    return Map.copyOf(table);
  }

  @Override
  Step compile(BuildContext ctx) {
    return compileFused(ctx, new FieldValidation[0]);
  }

  @Override
  boolean fusable() {
    return true;
  }

  @Override
  Step compileFused(BuildContext ctx, FieldValidation[] fused) {
    if (target == null) {
      throw new IllegalArgumentException("no target: call to(...)");
    }
    Source src = source.apply(target.text());
    Converter[] steps = new Converter[converters.size()];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = converters.get(i).apply(ctx);
    }
    return new ValueStep(src, defaultValue, TextConverter.fuse(steps), target, fused);
  }

  @Override
  void collect(Set<String> topLevel) {
    for (String input : inputs) {
      topLevel.add(Path.of(input).first());
    }
    for (String input : extraInputs) {
      topLevel.add(Path.of(input).first());
    }
  }

  @Override
  List<String> targets() {
    return target == null ? List.of() : List.of(target.text());
  }

  /** The compiled rule: one pass of read, default, convert, write, check. */
  private static final class ValueStep implements Step {
    private final Source source;
    private final JsonNode defaultValue;
    private final Converter[] converters;
    private final Path target;
    private final String errorPath;
    private final FieldValidation[] fused;

    ValueStep(Source source, JsonNode defaultValue, Converter[] converters, Path target,
        FieldValidation[] fused) {
      this.source = source;
      this.defaultValue = defaultValue;
      this.converters = converters;
      this.target = target;
      this.errorPath = source.errorPath();
      this.fused = fused;
    }

    @Override
    public void apply(JsonNode in, ObjectNode out, Ctx ctx) {
      JsonNode v = value(in, ctx);
      if (v != null && !OutputCheck.ok(v, errorPath, ctx)) {
        v = null;
      }
      if (v != null) {
        target.write(out, v instanceof ContainerNode<?> ? v.deepCopy() : v);
      }
      for (FieldValidation validation : fused) {
        validation.checkValue(v, ctx);
      }
    }

    /** The value to write, or null for none (missing input or an error was reported). */
    private JsonNode value(JsonNode in, Ctx ctx) {
      JsonNode v = source.read(in, ctx);
      if (defaultValue != null && Values.isBlank(v)) {
        v = defaultValue;
      } else if (v == null) {
        return null;
      }
      for (Converter converter : converters) {
        v = converter.convert(v, in, ctx, errorPath);
        if (v == null) {
          return null;
        }
      }
      return v;
    }
  }
}
