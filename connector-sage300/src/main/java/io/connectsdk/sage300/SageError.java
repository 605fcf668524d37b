package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.ErrorKind;
import java.time.Duration;

/**
 * One classified error answer of the Web API.
 *
 * @param status the HTTP status (0 for an I/O failure)
 * @param code Sage's error {@code code}, or {@code HTTP<status>} when the body had none
 * @param message Sage's message (never contains credentials: it is the server's text)
 * @param kind how to handle it
 * @param retryAfter the wait from {@code Retry-After}, zero if absent
 */
record SageError(int status, String code, String message, ErrorKind kind, Duration retryAfter) {
  SageError {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(kind, "kind");
    requireNonNull(retryAfter, "retryAfter");
  }

  boolean is(String sageCode) {
    return code.equals(sageCode);
  }

  /** RecordNotFound, or a bare 404 without a Sage code. */
  boolean isNotFound() {
    return is("RecordNotFound") || (status == 404 && code.equals("HTTP404"));
  }
}
