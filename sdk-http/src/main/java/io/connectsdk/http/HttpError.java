package io.connectsdk.http;

import io.connectsdk.core.ErrorKind;
import java.time.Duration;

/**
 * A classified error answer. {@code message} is already cleaned ({@link Redactor}): credentials
 * masked, about 1 KB at most, so it may go into an exception or the dead-letter queue as is.
 *
 * @param status the HTTP status (a 2xx when the body carried an error)
 * @param code the remote's error code, or {@code HTTP<status>} if it gave none
 * @param kind how to handle it
 * @param recordLevel true if it rejects one record of a write rather than the whole call
 */
public record HttpError(int status, String code, String message, ErrorKind kind,
    Duration retryAfter, boolean recordLevel) {

  /** True if the remote's code is {@code code}. */
  public boolean is(String code) {
    return this.code.equals(code);
  }
}
