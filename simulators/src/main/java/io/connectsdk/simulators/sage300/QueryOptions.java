package io.connectsdk.simulators.sage300;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The system query options of one request; each may appear at most once.
 *
 * @param top {@code $top} or null
 * @param skip {@code $skip} or 0
 * @param count whether {@code $count=true}
 * @param select selected properties, or null for all
 * @param filter parsed {@code $filter}, or null
 * @param others raw (still encoded) query parts other than $top and $skip, in request order, kept
 *     for the next link
 */
record QueryOptions(
    Integer top, int skip, boolean count, List<String> select, FilterExpr filter,
    List<String> others) {
  private static final Set<String> SUPPORTED =
      Set.of("$top", "$skip", "$count", "$select", "$filter");
  private static final Set<String> UNSUPPORTED =
      Set.of("$orderby", "$expand", "$inlinecount", "$format", "$search", "$apply", "$skiptoken");

  QueryOptions {
    select = select == null ? null : List.copyOf(select);
    others = List.copyOf(others);
  }

  static final QueryOptions NONE = new QueryOptions(null, 0, false, null, null, List.of());

  /**
   * Parses a raw query string (may be null). Options outside the supported set are rejected;
   * parameters without a leading {@code $} are custom options, ignored but kept for next links.
   *
   * @throws SageError InvalidParameters on a repeated, unknown or malformed option
   */
  static QueryOptions parse(String rawQuery, Predicate<String> knownProperty) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return NONE;
    }
    Integer top = null;
    int skip = 0;
    boolean count = false;
    List<String> select = null;
    FilterExpr filter = null;
    List<String> others = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = UrlCodec.decodeQuery(eq < 0 ? part : part.substring(0, eq));
      String value = eq < 0 ? "" : UrlCodec.decodeQuery(part.substring(eq + 1));
      if (!name.startsWith("$")) {
        others.add(part);
        continue;
      }
      if (!seen.add(name)) {
        throw SageError.invalidParameters(
            "The query option '" + name + "' was specified more than once.");
      }
      if (UNSUPPORTED.contains(name)) {
        throw SageError.invalidParameters("The query option '" + name + "' is not supported.");
      }
      if (!SUPPORTED.contains(name)) {
        throw SageError.invalidParameters("The query option '" + name + "' is not recognised.");
      }
      switch (name) {
        case "$top" -> top = nonNegative(name, value);
        case "$skip" -> skip = nonNegative(name, value);
        case "$count" -> count = bool(value);
        case "$select" -> select = select(value, knownProperty);
        default -> filter = FilterParser.parse(value, knownProperty);
      }
      if (!name.equals("$top") && !name.equals("$skip")) {
        others.add(part);
      }
    }
    return new QueryOptions(top, skip, count, select, filter, others);
  }

  boolean onlySelect() {
    return top == null && skip == 0 && !count && filter == null;
  }

  private static int nonNegative(String name, String value) {
    if (!value.matches("\\d{1,9}")) {
      throw SageError.invalidParameters(
          "The value '" + value + "' of " + name + " must be a non-negative integer.");
    }
    return Integer.parseInt(value);
  }

  private static boolean bool(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw SageError.invalidParameters(
          "The value '" + value + "' of $count must be true or false.");
    };
  }

  private static List<String> select(String value, Predicate<String> knownProperty) {
    List<String> names = new ArrayList<>();
    for (String raw : value.split(",", -1)) {
      String name = raw.trim();
      if (name.equals("*")) {
        return null;
      }
      if (name.isEmpty() || !knownProperty.test(name)) {
        throw SageError.invalidParameters(
            "Could not find a property named '" + name + "' used in $select.");
      }
      names.add(name);
    }
    return names;
  }
}
