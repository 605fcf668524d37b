package io.connectsdk.core.sync;

import static java.util.Objects.requireNonNull;

/**
 * A mapped record points to a record that does not exist in the target and cannot be created
 * there. Thrown by a {@link ReferenceResolver}; the engine dead-letters the record with
 * {@link #fieldPath()} and the message (which must not contain field values or secrets).
 */
public class UnresolvedReferenceException extends RuntimeException {
  private final String fieldPath;

  public UnresolvedReferenceException(String fieldPath, String message) {
    super(requireNonNull(message, "message"));
    this.fieldPath = requireNonNull(fieldPath, "fieldPath");
  }

  /** The path of the field holding the dangling reference, e.g. {@code customer_id}. */
  public String fieldPath() {
    return fieldPath;
  }
}
