package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks on one mapped (target) field, run after all rules. Checks other than {@code required}
 * skip a missing field. A small builder (not thread-safe); {@link MappingBuilder#build()} compiles
 * it.
 *
 * <pre>{@code
 * FieldValidation.field("CustomerName").required().maxLength(60)
 * FieldValidation.field("CreditLimitCustomerCurrency").range(BigDecimal.ZERO, new BigDecimal("999999.99"))
 * }</pre>
 */
public final class FieldValidation {
  private final Path field;
  private boolean required;
  private int maxLength = -1;
  private TextPattern pattern;
  private Set<String> oneOf;
  private BigDecimal min;
  private BigDecimal max;

  private FieldValidation(String field) {
    this.field = Path.of(requireNonNull(field, "field"));
  }

  /** Starts the checks of a target field path. */
  public static FieldValidation field(String field) {
    return new FieldValidation(field);
  }

  /** The field must be present, not null and not blank. */
  public FieldValidation required() {
    this.required = true;
    return this;
  }

  /** The text (or a scalar's text form) may have at most this many characters. */
  public FieldValidation maxLength(int maxLength) {
    if (maxLength < 0) {
      throw new IllegalArgumentException("maxLength must be >= 0: " + maxLength);
    }
    this.maxLength = maxLength;
    return this;
  }

  /**
   * The text must match the whole regular expression.
   *
   * @throws IllegalArgumentException if the expression is invalid
   */
  public FieldValidation pattern(String regex) {
    this.pattern = TextPattern.compile(requireNonNull(regex, "regex"));
    return this;
  }

  /** The text must be one of these values. */
  public FieldValidation oneOf(List<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("oneOf needs at least one value");
    }
    this.oneOf = Set.copyOf(new LinkedHashSet<>(values));
    return this;
  }

  /** The number (or numeric text) must lie within {@code [min, max]}; either bound may be null. */
  public FieldValidation range(BigDecimal min, BigDecimal max) {
    if (min == null && max == null) {
      throw new IllegalArgumentException("range needs min or max");
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new IllegalArgumentException("range min " + min + " > max " + max);
    }
    this.min = min;
    this.max = max;
    return this;
  }

  String field() {
    return field.text();
  }

  /** Checks the mapped output, reporting each failed check. */
  void check(JsonNode out, Ctx ctx) {
    checkValue(field.peek(out), ctx);
  }

  /** Checks the field's final value (null if absent). */
  void checkValue(JsonNode v, Ctx ctx) {
    String name = field.text();
    if (Values.isBlank(v)) {
      if (required) {
        ctx.targetError(name, "required", "is required", v);
      }
      return;
    }
    if (maxLength >= 0 || pattern != null || oneOf != null) {
      checkText(v, name, ctx);
    }
    if (min != null || max != null) {
      checkRange(v, name, ctx);
    }
  }

  private void checkText(JsonNode v, String name, Ctx ctx) {
    String text = Values.scalarText(v);
    if (text == null) {
      ctx.targetError(name, "type", "expected text, not a container", v);
      return;
    }
    // length() >= code points, so the exact count is only needed for long texts
    if (maxLength >= 0 && text.length() > maxLength
        && text.codePointCount(0, text.length()) > maxLength) {
      ctx.targetError(name, "maxLength", "longer than " + maxLength + " characters", v);
    }
    if (pattern != null && !pattern.matches(text)) {
      ctx.targetError(name, "pattern", "does not match " + pattern, v);
    }
    if (oneOf != null && !oneOf.contains(text)) {
      ctx.targetError(name, "oneOf", "not one of " + new java.util.TreeSet<>(oneOf), v);
    }
  }

  private void checkRange(JsonNode v, String name, Ctx ctx) {
    BigDecimal d = Values.comparable(v);
    if (d == null) {
      ctx.targetError(name, "range", v.isNumber() ? Values.numberProblem(v) : "not a number", v);
    } else if ((min != null && d.compareTo(min) < 0) || (max != null && d.compareTo(max) > 0)) {
      ctx.targetError(name, "range", "outside [" + (min == null ? "" : min.toPlainString())
          + ", " + (max == null ? "" : max.toPlainString()) + "]", v);
    }
  }

  /** An immutable copy, so a built mapping is not changed by later calls on this builder. */
  FieldValidation copy() {
    FieldValidation c = new FieldValidation(field.text());
    c.required = required;
    c.maxLength = maxLength;
    c.pattern = pattern;
    c.oneOf = oneOf;
    c.min = min;
    c.max = max;
    return c;
  }
}
