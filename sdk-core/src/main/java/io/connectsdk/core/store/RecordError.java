package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.ErrorKind;

/**
 * Why one record could not be written: stored with a {@link DeadLetter}.
 *
 * @param kind how to handle it ({@link ErrorKind#PERMANENT} for bad data, mapping failures and
 *     dangling references; {@link ErrorKind#TRANSIENT} when retries ran out)
 * @param code a stable code: the remote's error code, or the engine's own such as
 *     {@code MappingFailed}, {@code UnresolvedReference}, {@code RetriesExhausted}
 * @param message what is wrong, for a person
 * @param fieldPath the offending field paths, comma separated; empty if none is known
 */
public record RecordError(ErrorKind kind, String code, String message, String fieldPath) {
  public RecordError {
    requireNonNull(kind, "kind");
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(fieldPath, "fieldPath");
  }
}
