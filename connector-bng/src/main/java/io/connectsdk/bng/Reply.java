package io.connectsdk.bng;

import io.connectsdk.http.HttpError;
import io.connectsdk.http.JsonResponse;
import java.util.Optional;

/**
 * One answer from BNG that was not a whole-call failure: a success, or an error about one record
 * (validation, not found, conflict, idempotency or version conflict).
 */
record Reply(JsonResponse response, Optional<HttpError> error) {
  boolean ok() {
    return error.isEmpty();
  }

  boolean is(String code) {
    return error.map(e -> e.is(code)).orElse(false);
  }

  int status() {
    return response.status();
  }
}
