package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.Json;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQuery;

/**
 * Parses a date, date-time or instant (ISO-8601 or a pattern), converts its zone and formats it.
 * Formatters are built once; parsing is strict, so {@code 2026-02-30} is an error, not March 2nd.
 */
final class DateConverter implements Converter {
  private static final TemporalQuery<?>[] QUERIES = {
    ZonedDateTime::from, LocalDateTime::from, LocalDate::from
  };

  private final DateTimeFormatter input;
  private final ZoneId inputZone;
  private final ZoneId zone;
  private final DateTimeFormatter output;

  /**
   * @param inputPattern a pattern, or null for ISO-8601 (date, local date-time or with offset)
   * @param inputZone the zone of input date-times without offset
   * @param zone the zone to convert date-times to before formatting, or null to keep theirs
   * @param outputPattern a pattern, or null for ISO-8601 of whatever was parsed
   * @throws IllegalArgumentException for a bad pattern
   */
  DateConverter(String inputPattern, ZoneId inputZone, ZoneId zone, String outputPattern) {
    this.input = inputPattern == null ? null : strictPattern(inputPattern);
    this.inputZone = inputZone;
    this.zone = zone;
    this.output = outputPattern == null ? null : outputPattern(outputPattern);
  }

  /** A strict formatter; {@code y} becomes {@code u} so strict resolving needs no era. */
  static DateTimeFormatter strictPattern(String pattern) {
    return DateTimeFormatter.ofPattern(prolepticYears(pattern))
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * An output formatter; {@code y} (year of era) becomes {@code u} (proleptic year), so year 0
   * prints as {@code 0000}, not {@code 0001} of the era before Christ, which would silently move
   * the date by a year.
   */
  static DateTimeFormatter outputPattern(String pattern) {
    return DateTimeFormatter.ofPattern(prolepticYears(pattern));
  }

  private static String prolepticYears(String pattern) {
    StringBuilder sb = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      sb.append(!quoted && c == 'y' ? 'u' : c);
    }
    return sb.toString();
  }

  @Override
  public JsonNode convert(JsonNode value, JsonNode source, Ctx ctx, String path) {
    if (!value.isTextual()) {
      ctx.sourceError(path, "date", "expected date text", value);
      return null;
    }
    TemporalAccessor t = parse(value.textValue().strip(), input, inputZone);
    if (t == null) {
      ctx.sourceError(path, "date", "not a valid date"
          + (input == null ? " (ISO-8601 expected)" : " for the configured pattern"), value);
      return null;
    }
    if (zone != null && t instanceof ZonedDateTime z) {
      t = z.withZoneSameInstant(zone);
    }
    try {
      return Json.nodes().textNode(format(t));
    } catch (DateTimeException e) {
      ctx.sourceError(path, "date", "lacks the parts the output pattern needs", value);
      return null;
    }
  }

  /**
   * Parses to a {@link ZonedDateTime} (any input with a time: local times are placed in
   * {@code inputZone}) or a {@link LocalDate}; null if the text is not a valid date.
   */
  static TemporalAccessor parse(String text, DateTimeFormatter pattern, ZoneId inputZone) {
    try {
      TemporalAccessor t = pattern == null ? parseIso(text) : pattern.parseBest(text, QUERIES);
      return t instanceof LocalDateTime local ? local.atZone(inputZone) : t;
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static TemporalAccessor parseIso(String text) {
    if (text.length() <= 10) {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    }
    char last = text.charAt(text.length() - 1);
    if (last == 'Z' || text.indexOf('+', 10) > 0 || text.lastIndexOf('-') > 10) {
      // the common wire form (an instant with an offset) parses without parseBest's
      // per-record query map; anything else falls back to the general parser
      try {
        return OffsetDateTime.parse(text).toZonedDateTime();
      } catch (DateTimeException e) {
        // e.g. a region id in brackets: the general parser below decides
      }
    }
    return DateTimeFormatter.ISO_DATE_TIME.parseBest(text, QUERIES);
  }

  private String format(TemporalAccessor t) {
    if (output != null) {
      return output.format(t);
    }
    return t instanceof ZonedDateTime z
        ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(z)
        : DateTimeFormatter.ISO_LOCAL_DATE.format(t);
  }
}
