package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The outcome of {@link Mapping#apply}: the mapped fields, or the list of field errors. Immutable.
 */
public final class MappingResult {
  private final ObjectNode fields;
  private final List<FieldError> errors;

  private MappingResult(ObjectNode fields, List<FieldError> errors) {
    this.fields = fields;
    this.errors = errors;
  }

  /** A success; takes ownership of {@code fields} (the caller must not change it afterwards). */
  public static MappingResult success(ObjectNode fields) {
    return new MappingResult(requireNonNull(fields, "fields"), List.of());
  }

  /**
   * A failure.
   *
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public static MappingResult failure(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a failure needs at least one error");
    }
    return new MappingResult(null, List.copyOf(errors));
  }

  public boolean isSuccess() {
    return fields != null;
  }

  /**
   * A copy of the mapped fields.
   *
   * @throws IllegalStateException if this is a failure
   */
  public ObjectNode fields() {
    if (fields == null) {
      throw new IllegalStateException("mapping failed: " + errors);
    }
    return fields.deepCopy();
  }

  /**
   * One top-level mapped field without copying the whole result: scalars are returned as they are,
   * objects and arrays as copies; a {@link com.fasterxml.jackson.databind.node.MissingNode} if
   * absent.
   *
   * @throws IllegalStateException if this is a failure
   */
  public com.fasterxml.jackson.databind.JsonNode field(String name) {
    if (fields == null) {
      throw new IllegalStateException("mapping failed: " + errors);
    }
    com.fasterxml.jackson.databind.JsonNode node = fields.get(name);
    if (node == null) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    return node.isContainerNode() ? node.deepCopy() : node;
  }

  /** The field errors; empty on success. */
  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public String toString() {
    return isSuccess() ? "MappingResult{success}" : "MappingResult{errors=" + errors + "}";
  }

  /**
   * The mapped fields themselves, handed over without a copy: the caller takes ownership and this
   * result must not be read again (its {@link #fields()} would then show the caller's changes).
   * The sync engine uses it for the content it writes; use {@link #fields()} for a copy.
   *
   * @throws IllegalStateException if the mapping failed
   */
  public ObjectNode takeFields() {
    if (fields == null) {
      throw new IllegalStateException("mapping failed: " + errors.size() + " field errors");
    }
    return fields;
  }
}
