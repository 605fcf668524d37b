package io.connectsdk.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.http.ErrorBody;
import io.connectsdk.http.ErrorTable;
import io.connectsdk.http.HttpError;
import java.util.Map;
import java.util.Optional;

/**
 * Sage 300's part of the sdk-http error frame: its error body reader and code table, code first
 * and HTTP status second. The table is overridable from the builder.
 */
final class SageErrors {
  /** The connector's kind, used where no instance name is at hand. */
  static final String KIND = "sage300";

  private SageErrors() {}

  static ErrorTable table(String system, Map<String, ErrorKind> overrides) {
    ErrorTable.Builder b = ErrorTable.builder(system, SageErrors::read)
        .code("TooManyRequests", ErrorKind.RATE_LIMITED)
        .recordLevel("RecordInvalid", "InvalidPayload", "FieldInvalid", "General",
            "InvalidEntityKey", "RecordDuplicate", "RecordNotFound", "InvalidParameters", "HTTP400");
    for (String c : new String[] {"SessionError", "DBLinkError", "InternalServerError"}) {
      b.code(c, ErrorKind.TRANSIENT);
    }
    for (String c : new String[] {"Unauthorized", "Forbidden"}) {
      b.code(c, ErrorKind.AUTHENTICATION);
    }
    for (String c : new String[] {"RecordInvalid", "InvalidPayload", "InvalidEntityKey",
        "MethodNotAllowed", "FieldInvalid", "General", "InvalidParameters", "ResourceNotFound",
        "InvalidAction", "RecordNotFound", "RecordDuplicate"}) {
      b.code(c, ErrorKind.PERMANENT);
    }
    return b.codes(overrides).build();
  }

  /** {@code {"error":{"code":"..","message":{"lang":"en-US","value":".."}}}}. */
  static Optional<ErrorBody> read(JsonNode body) {
    JsonNode error = body.get("error");
    if (error == null || !error.isObject()) {
      return Optional.empty();
    }
    JsonNode m = error.path("message");
    String message = m.isObject() ? m.path("value").asText("") : m.asText("");
    return Optional.of(new ErrorBody(error.path("code").asText(""), message));
  }

  /** RecordNotFound, or a bare 404 without a Sage code. */
  static boolean isNotFound(HttpError e) {
    return e.is("RecordNotFound") || (e.status() == 404 && e.is("HTTP404"));
  }

  /** What to tell the user about a refused login: the usual Sage 300 causes. */
  static String authHint(HttpError e) {
    return e.status() == 403 || e.is("Forbidden")
        ? "the Sage 300 user needs the \"Sage 300 Web API\" security right (and access to the company)"
        : "the Sage 300 credentials (user or password) were refused";
  }
}
