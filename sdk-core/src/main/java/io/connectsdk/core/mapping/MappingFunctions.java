package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable registry of named {@link MappingFunction}s that JSON mappings refer to by name
 * ({@code {"function": "normalizePhone", "from": "phone", "to": "PhoneNumber"}}). Thread-safe.
 *
 * <pre>{@code
 * MappingFunctions functions = MappingFunctions.builder()
 *     .register("digitsOnly", in -> Json.nodes().textNode(in.asText().replaceAll("\\D", "")))
 *     .build();
 * }</pre>
 */
public final class MappingFunctions {
  private static final MappingFunctions NONE = new MappingFunctions(Map.of());

  private final Map<String, MappingFunction> functions;

  private MappingFunctions(Map<String, MappingFunction> functions) {
    this.functions = Map.copyOf(functions);
  }

  /** A registry with no functions. */
  public static MappingFunctions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The function registered under this name. */
  public Optional<MappingFunction> get(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  /** The registered names. */
  public Set<String> names() {
    return functions.keySet();
  }

  /** Collects functions; {@link #build()} copies. Not thread-safe. */
  public static final class Builder {
    private final Map<String, MappingFunction> functions = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers a function.
     *
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if the name is already registered
     */
    public Builder register(String name, MappingFunction function) {
      requireNonNull(name, "name");
      requireNonNull(function, "function");
      if (name.isBlank()) {
        throw new IllegalArgumentException("function name is blank");
      }
      if (functions.putIfAbsent(name, function) != null) {
        throw new IllegalStateException("function '" + name + "' is already registered");
      }
      return this;
    }

    public MappingFunctions build() {
      return new MappingFunctions(functions);
    }
  }
}
