package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Parses a number or numeric text to BigDecimal, rescales it, writes a number or decimal text. */
final class DecimalConverter implements Converter {
  private final int scale;
  private final RoundingMode rounding;
  private final boolean asText;

  /** {@code scale} negative means keep the input's scale. */
  DecimalConverter(int scale, RoundingMode rounding, boolean asText) {
    this.scale = scale;
    this.rounding = rounding;
    this.asText = asText;
  }

  @Override
  public JsonNode convert(JsonNode value, JsonNode source, Ctx ctx, String path) {
    BigDecimal d = Values.decimal(value);
    if (d == null) {
      ctx.sourceError(path, "decimal", "not a decimal number", value);
      return null;
    }
    BigDecimal scaled = rescale(d, scale, rounding, path, value, ctx);
    return scaled == null ? null : output(scaled, asText);
  }

  /** Rescales, reporting a value that needs rounding when rounding is UNNECESSARY. */
  static BigDecimal rescale(BigDecimal d, int scale, RoundingMode rounding, String path,
      JsonNode value, Ctx ctx) {
    if (scale < 0) {
      return d;
    }
    try {
      return d.setScale(scale, rounding);
    } catch (ArithmeticException e) {
      ctx.sourceError(path, "decimal", "has more than " + scale + " decimal places", value);
      return null;
    }
  }

  static JsonNode output(BigDecimal d, boolean asText) {
    return asText ? Json.nodes().textNode(d.toPlainString()) : Json.nodes().numberNode(d);
  }
}
