package io.connectsdk.core.spi;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.ErrorKind;
import java.time.Duration;
import java.util.Optional;

/**
 * Why one record was not written.
 *
 * @param kind how to handle it (a transient record failure may be retried by the engine)
 * @param code the remote's own error code, e.g. {@code RecordInvalid}, {@code DUPLICATE_VALUE}
 * @param message the remote's message, for a person
 * @param field the offending field path, if the remote named one
 * @param retryAfter the wait the remote asked for, zero if none
 */
public record WriteError(
    ErrorKind kind, String code, String message, Optional<String> field, Duration retryAfter) {
  public WriteError {
    requireNonNull(kind, "kind");
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(field, "field");
    requireNonNull(retryAfter, "retryAfter");
  }

  public static WriteError permanent(String code, String message) {
    return new WriteError(ErrorKind.PERMANENT, code, message, Optional.empty(), Duration.ZERO);
  }

  public static WriteError transientError(String code, String message) {
    return new WriteError(ErrorKind.TRANSIENT, code, message, Optional.empty(), Duration.ZERO);
  }

  public WriteError withField(String field) {
    return new WriteError(kind, code, message, Optional.of(field), retryAfter);
  }
}
