package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Classifies Web API error answers by Sage's error {@code code} first and the HTTP status second,
 * and turns whole-call failures into the SDK's exceptions. The code table is overridable from the
 * builder. Immutable and thread-safe.
 */
final class ErrorClassifier {
  static final String SYSTEM = "sage300";

  /** Codes that reject one record (the write reports FAILED) rather than the whole call. */
  private static final Set<String> RECORD_LEVEL = Set.of(
      "RecordInvalid", "InvalidPayload", "FieldInvalid", "General", "InvalidEntityKey",
      "RecordDuplicate", "RecordNotFound", "InvalidParameters");

  private final Map<String, ErrorKind> codes;

  ErrorClassifier(Map<String, ErrorKind> overrides) {
    Map<String, ErrorKind> m = new HashMap<>(defaults());
    m.putAll(requireNonNull(overrides, "overrides"));
    this.codes = Map.copyOf(m);
  }

  static Map<String, ErrorKind> defaults() {
    Map<String, ErrorKind> m = new HashMap<>();
    for (String c : new String[] {"TooManyRequests"}) {
      m.put(c, ErrorKind.RATE_LIMITED);
    }
    for (String c : new String[] {"SessionError", "DBLinkError", "InternalServerError"}) {
      m.put(c, ErrorKind.TRANSIENT);
    }
    for (String c : new String[] {"Unauthorized", "Forbidden"}) {
      m.put(c, ErrorKind.AUTHENTICATION);
    }
    for (String c : new String[] {"RecordInvalid", "InvalidPayload", "InvalidEntityKey",
        "MethodNotAllowed", "FieldInvalid", "General", "InvalidParameters", "ResourceNotFound",
        "InvalidAction", "RecordNotFound", "RecordDuplicate"}) {
      m.put(c, ErrorKind.PERMANENT);
    }
    return m;
  }

  /** Classifies an error answer; {@code body} may be null or not Sage's error shape. */
  SageError classify(int status, JsonNode body, Duration retryAfter) {
    JsonNode error = body == null ? null : body.get("error");
    String code = error != null && error.hasNonNull("code") ? error.get("code").asText() : "";
    String message = error == null ? "" : messageOf(error.get("message"));
    if (code.isEmpty()) {
      code = "HTTP" + status;
    }
    if (message.isEmpty()) {
      message = "HTTP " + status;
    }
    ErrorKind kind = codes.get(code);
    if (kind == null) {
      kind = byStatus(status);
    }
    return new SageError(status, code, message, kind, retryAfter);
  }

  private static String messageOf(JsonNode message) {
    if (message == null || message.isNull()) {
      return "";
    }
    return message.isObject() ? message.path("value").asText("") : message.asText("");
  }

  private static ErrorKind byStatus(int status) {
    if (status == 401 || status == 403) {
      return ErrorKind.AUTHENTICATION;
    }
    if (status == 429) {
      return ErrorKind.RATE_LIMITED;
    }
    if (status == 408 || status >= 500) {
      return ErrorKind.TRANSIENT;
    }
    return ErrorKind.PERMANENT;
  }

  /** True if this error rejects one record of a write rather than the whole call. */
  boolean isRecordLevel(SageError e) {
    return e.kind() == ErrorKind.PERMANENT
        && (RECORD_LEVEL.contains(e.code()) || e.status() == 409 || e.status() == 422
            || (e.status() == 400 && e.code().startsWith("HTTP")));
  }

  /** The exception for a failed whole call; {@code what} names the call, e.g. {@code GET AR/ARCustomers}. */
  static ConnectorException toException(SageError e, String what) {
    String detail = what + " failed: " + e.code() + " (HTTP " + e.status() + "): " + e.message();
    return switch (e.kind()) {
      case RATE_LIMITED -> new RateLimitedException(SYSTEM, detail, e.retryAfter());
      case TRANSIENT -> new TransientException(SYSTEM, detail);
      case AUTHENTICATION -> new AuthenticationException(SYSTEM, authMessage(e, what));
      case PERMANENT -> new PermanentException(SYSTEM, detail);
    };
  }

  private static String authMessage(SageError e, String what) {
    if (e.status() == 403 || e.is("Forbidden")) {
      return what + " was forbidden (HTTP " + e.status() + "): the Sage 300 user needs the "
          + "\"Sage 300 Web API\" security right (and access to the company); " + e.message();
    }
    return what + " was refused (HTTP " + e.status() + "): the Sage 300 credentials (user or "
        + "password) were refused; " + e.message();
  }
}
