package io.connectsdk.core.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Exchange rates for currency conversion rules: how many units of {@code to} one unit of
 * {@code from} buys on a date. Implementations must be thread-safe; a mapping calls them once per
 * converted value, so cache remote rates. An empty result becomes a field error on the record; an
 * exception (e.g. the rate service is down) is not data and propagates to the caller.
 */
@FunctionalInterface
public interface RateProvider {

  /** The rate from one ISO 4217 currency to another on a date, if known. */
  Optional<BigDecimal> rate(String from, String to, LocalDate date);
}
