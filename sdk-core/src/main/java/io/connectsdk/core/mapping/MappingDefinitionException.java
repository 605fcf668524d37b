package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

/**
 * A mapping definition is invalid: a developer error found when the mapping is built or loaded,
 * never thrown while mapping data. The message says where ({@link #path()}, a JSON path such as
 * {@code rules[3].valueMap}) and what ({@link #reason()}).
 */
public final class MappingDefinitionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String reason;

  public MappingDefinitionException(String path, String reason) {
    super(requireNonNull(path, "path") + ": " + requireNonNull(reason, "reason"));
    this.path = path;
    this.reason = reason;
  }

  /** Where in the definition, e.g. {@code rules[3].valueMap}; empty for the document itself. */
  public String path() {
    return path;
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }

  /** The same error, located inside an enclosing element (e.g. a line mapping). */
  MappingDefinitionException within(String prefix) {
    return new MappingDefinitionException(path.isEmpty() ? prefix : prefix + "." + path, reason);
  }
}
