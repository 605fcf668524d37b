package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How a date rule parses, converts and formats: input pattern (null for ISO-8601), the zone of
 * input date-times without an offset (default UTC), the zone to convert to (null keeps the input's)
 * and the output pattern (null for ISO-8601). Immutable.
 *
 * <pre>{@code
 * DateConversion.to("yyyyMMdd").zone(ZoneId.of("America/New_York"))  // Sage 100 dates
 * }</pre>
 *
 * @param inputPattern a {@link java.time.format.DateTimeFormatter} pattern, or null for ISO-8601
 * @param inputZone zone of local input date-times
 * @param zone target zone, or null
 * @param outputPattern a pattern, or null for ISO-8601
 */
public record DateConversion(String inputPattern, ZoneId inputZone, ZoneId zone,
    String outputPattern) {
  public DateConversion {
    requireNonNull(inputZone, "inputZone");
  }

  /** ISO-8601 in, this pattern out, no zone change. */
  public static DateConversion to(String outputPattern) {
    return new DateConversion(null, ZoneOffset.UTC, null, requireNonNull(outputPattern, "outputPattern"));
  }

  /** ISO-8601 in and out. */
  public static DateConversion iso() {
    return new DateConversion(null, ZoneOffset.UTC, null, null);
  }

  /** Parse with this pattern instead of ISO-8601. */
  public DateConversion from(String pattern) {
    return new DateConversion(requireNonNull(pattern, "pattern"), inputZone, zone, outputPattern);
  }

  /** The zone of input date-times that carry no offset. */
  public DateConversion inputZone(ZoneId inputZone) {
    return new DateConversion(inputPattern, inputZone, zone, outputPattern);
  }

  /** Convert date-times to this zone before formatting. */
  public DateConversion zone(ZoneId zone) {
    return new DateConversion(inputPattern, inputZone, requireNonNull(zone, "zone"), outputPattern);
  }
}
