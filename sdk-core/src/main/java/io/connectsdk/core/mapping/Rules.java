package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Factories for the mapping rules; add them to a {@link MappingBuilder} in target field order.
 *
 * <pre>{@code
 * Mapping.builder("customer")
 *     .rule(Rules.copy("external_id").to("CustomerNumber"))
 *     .rule(Rules.join(" ", "first_name", "last_name").to("ContactName"))
 *     .rule(Rules.constant("RTL").to("GroupCode"))
 *     .build();
 * }</pre>
 */
public final class Rules {
  private Rules() {}

  /** Copies (renames) a source field; dotted paths reach into objects. */
  public static ValueRule copy(String from) {
    Path path = Path.of(requireNonNull(from, "from"));
    return new ValueRule(target -> Sources.path(path), List.of(from));
  }

  /** A constant value: String, BigDecimal, Integer, Long, Boolean or a JsonNode. */
  public static ValueRule constant(Object value) {
    var node = Values.node(requireNonNull(value, "value"));
    return new ValueRule(target -> Sources.constant(node, target), List.of());
  }

  /** Joins the text of several fields with a separator, skipping missing and blank ones. */
  public static ValueRule join(String separator, String... from) {
    requireNonNull(separator, "separator");
    if (from.length == 0) {
      throw new IllegalArgumentException("join needs at least one source field");
    }
    Path[] paths = AddressLines.paths(List.of(from));
    return new ValueRule(target -> Sources.join(paths, separator), List.of(from));
  }

  /** The values of several fields as one array, e.g. for a multi-input {@link MappingFunction}. */
  public static ValueRule all(String... from) {
    if (from.length == 0) {
      throw new IllegalArgumentException("all needs at least one source field");
    }
    Path[] paths = AddressLines.paths(List.of(from));
    return new ValueRule(target -> Sources.all(paths), List.of(from));
  }

  /** Splits a text field at a literal separator; choose firstRest(...) or index(...). */
  public static SplitRule split(String from, String separator) {
    return new SplitRule(from, separator);
  }

  /** Maps a structured address object to target address fields. */
  public static AddressJoinRule addressJoin(String from) {
    return new AddressJoinRule(from);
  }

  /** Splits a multi-line address into line fields. */
  public static AddressSplitRule addressSplit(String from) {
    return new AddressSplitRule(from);
  }

  /** Maps each element of a source array with a nested mapping into a target array. */
  public static LinesRule lines(String from, String to, CompiledMapping lineMapping) {
    return new LinesRule(from, to, lineMapping);
  }
}
