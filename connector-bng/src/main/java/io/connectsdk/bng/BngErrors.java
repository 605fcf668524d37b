package io.connectsdk.bng;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.http.ErrorBody;
import io.connectsdk.http.ErrorTable;
import io.connectsdk.http.HttpError;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * BNG's error body {@code {"error":{"type","message","fields"}}} and how each type is handled
 * (bng.md "Errors and limits"): {@code unauthorized} is an authentication failure, {@code
 * rate_limited} waits, {@code server_error} and 5xx are transient; validation, not-found, conflict,
 * idempotency and version conflicts are about one record (answered as a result, not thrown).
 */
final class BngErrors {
  static final String VALIDATION = "validation_error";
  static final String NOT_FOUND = "not_found";
  static final String CONFLICT = "conflict";
  static final String IDEMPOTENCY_CONFLICT = "idempotency_conflict";
  static final String VERSION_CONFLICT = "version_conflict";

  private BngErrors() {}

  static ErrorTable table(String system) {
    return ErrorTable.builder(system, BngErrors::read)
        .code("unauthorized", ErrorKind.AUTHENTICATION)
        .code("rate_limited", ErrorKind.RATE_LIMITED)
        .code("server_error", ErrorKind.TRANSIENT)
        .code(VALIDATION, ErrorKind.PERMANENT)
        .code(NOT_FOUND, ErrorKind.PERMANENT)
        .code(CONFLICT, ErrorKind.PERMANENT)
        .code(IDEMPOTENCY_CONFLICT, ErrorKind.PERMANENT)
        .code(VERSION_CONFLICT, ErrorKind.PERMANENT)
        .recordLevel(VALIDATION, NOT_FOUND, CONFLICT, IDEMPOTENCY_CONFLICT, VERSION_CONFLICT)
        .recordLevelStatus(400, 404, 409, 412, 422)
        .build();
  }

  private static Optional<ErrorBody> read(JsonNode body) {
    JsonNode error = body.path("error");
    if (!error.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new ErrorBody(error.path("type").asText(""),
        error.path("message").asText("")));
  }

  /** The record-level error of a failed write; names the first offending field BNG listed. */
  static WriteError toWriteError(HttpError e, JsonNode body) {
    WriteError error = new WriteError(e.kind(), e.code(), e.message(), Optional.empty(),
        e.retryAfter());
    Iterator<Map.Entry<String, JsonNode>> fields = body.path("error").path("fields").fields();
    if (fields.hasNext()) {
      Map.Entry<String, JsonNode> first = fields.next();
      String detail = first.getKey() + " " + first.getValue().asText();
      error = new WriteError(e.kind(), e.code(), e.message() + " (" + detail + ")",
          Optional.of(first.getKey()), e.retryAfter());
    }
    return error;
  }
}
