package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.Set;

/** Converts an amount between currencies at the rate of the record's date, exactly in BigDecimal. */
final class CurrencyConverter implements Converter {
  private final RateProvider rates;
  private final String fromCurrency;
  private final Path fromCurrencyField;
  private final String toCurrency;
  private final Path dateField;
  private final int scale;
  private final RoundingMode rounding;
  private final boolean asText;

  CurrencyConverter(RateProvider rates, String fromCurrency, Path fromCurrencyField,
      String toCurrency, Path dateField, int scale, RoundingMode rounding, boolean asText) {
    this.rates = rates;
    this.fromCurrency = fromCurrency;
    this.fromCurrencyField = fromCurrencyField;
    this.toCurrency = toCurrency;
    this.dateField = dateField;
    this.scale = scale;
    this.rounding = rounding;
    this.asText = asText;
  }

  @Override
  public JsonNode convert(JsonNode value, JsonNode source, Ctx ctx, String path) {
    BigDecimal amount = Values.decimal(value);
    if (amount == null) {
      ctx.sourceError(path, "currency", "not a decimal amount", value);
      return null;
    }
    String from = fromCurrency;
    if (fromCurrencyField != null) {
      JsonNode code = fromCurrencyField.read(source, ctx);
      if (code == null || !code.isTextual() || code.textValue().isBlank()) {
        ctx.sourceError(fromCurrencyField.text(), "currency", "missing currency code", code);
        return null;
      }
      from = code.textValue().strip();
    }
    BigDecimal converted = amount;
    if (!from.equalsIgnoreCase(toCurrency)) {
      LocalDate date = date(source, ctx);
      if (date == null) {
        return null;
      }
      Optional<BigDecimal> rate = rates.rate(from, toCurrency, date);
      if (rate.isEmpty()) {
        ctx.sourceError(path, "currency", "no exchange rate from " + from + " to " + toCurrency
            + " on " + date, value);
        return null;
      }
      String problem = Values.decimalProblem(rate.get());
      if (problem != null) {
        ctx.sourceError(path, "currency", "exchange rate from " + from + " to " + toCurrency
            + ": " + problem, value);
        return null;
      }
      converted = amount.multiply(rate.get());
    }
    BigDecimal scaled = DecimalConverter.rescale(converted, scale, rounding, path, value, ctx);
    return scaled == null ? null : DecimalConverter.output(scaled, asText);
  }

  private LocalDate date(JsonNode source, Ctx ctx) {
    JsonNode v = dateField.read(source, ctx);
    TemporalAccessor t = v != null && v.isTextual()
        ? DateConverter.parse(v.textValue().strip(), null, ZoneOffset.UTC)
        : null;
    if (t == null) {
      ctx.sourceError(dateField.text(), "currency", "missing or invalid rate date", v);
      return null;
    }
    return t instanceof ZonedDateTime z
        ? z.withZoneSameInstant(ZoneOffset.UTC).toLocalDate()
        : LocalDate.from(t);
  }

  @Override
  public void collect(Set<String> topLevel) {
    topLevel.add(dateField.first());
    if (fromCurrencyField != null) {
      topLevel.add(fromCurrencyField.first());
    }
  }
}
