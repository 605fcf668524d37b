package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import java.math.RoundingMode;

/**
 * How a currency rule converts an amount: to which currency, from a fixed currency or one read from
 * a source field, at the rate of the date in {@code dateField}, rounded to {@code scale} (default 2,
 * HALF_UP, written as a JSON number). Immutable.
 *
 * <pre>{@code
 * CurrencyConversion.to("CAD").fromField("currency").dateField("order_date")
 * }</pre>
 *
 * @param to target ISO 4217 code
 * @param from fixed source currency, or null when {@code fromField} is set
 * @param fromField source field holding the currency code, or null
 * @param dateField source field holding the rate date (ISO date or date-time)
 * @param scale decimal places of the result
 * @param rounding rounding mode
 * @param output number or text
 */
public record CurrencyConversion(String to, String from, String fromField, String dateField,
    int scale, RoundingMode rounding, NumberOutput output) {
  public CurrencyConversion {
    requireNonNull(to, "to");
    requireNonNull(rounding, "rounding");
    requireNonNull(output, "output");
    if ((from == null) == (fromField == null)) {
      throw new IllegalArgumentException("set exactly one of from and fromField");
    }
    if (dateField == null) {
      throw new IllegalArgumentException("dateField is required");
    }
    if (scale < 0 || scale > Values.MAX_DIGITS) {
      throw new IllegalArgumentException("scale must be between 0 and " + Values.MAX_DIGITS + ": "
          + scale);
    }
  }

  /** Starts a conversion to this currency; set the source currency and date field next. */
  public static Builder to(String currency) {
    return new Builder(requireNonNull(currency, "currency"));
  }

  /** Assembles a {@link CurrencyConversion}. */
  public static final class Builder {
    private final String to;
    private String from;
    private String fromField;
    private int scale = 2;
    private RoundingMode rounding = RoundingMode.HALF_UP;
    private NumberOutput output = NumberOutput.NUMBER;

    private Builder(String to) {
      this.to = to;
    }

    /** The amounts are always in this currency. */
    public Builder from(String currency) {
      this.from = requireNonNull(currency, "currency");
      return this;
    }

    /** The amount's currency is read from this source field. */
    public Builder fromField(String field) {
      this.fromField = requireNonNull(field, "field");
      return this;
    }

    public Builder scale(int scale) {
      this.scale = scale;
      return this;
    }

    public Builder rounding(RoundingMode rounding) {
      this.rounding = requireNonNull(rounding, "rounding");
      return this;
    }

    public Builder output(NumberOutput output) {
      this.output = requireNonNull(output, "output");
      return this;
    }

    /** Finishes with the source field holding the rate date. */
    public CurrencyConversion dateField(String field) {
      return new CurrencyConversion(to, from, fromField, requireNonNull(field, "field"), scale,
          rounding, output);
    }
  }
}
