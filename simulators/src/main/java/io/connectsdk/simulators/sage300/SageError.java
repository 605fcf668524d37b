package io.connectsdk.simulators.sage300;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Sage 300 error outcome: HTTP status plus the {@code error.code} the real server sends. */
final class SageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;

  SageError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static SageError invalidParameters(String message) {
    return new SageError(400, "InvalidParameters", message);
  }

  static SageError invalidPayload(String message) {
    return new SageError(400, "InvalidPayload", message);
  }

  static SageError invalidKey(String message) {
    return new SageError(400, "InvalidEntityKey", message);
  }

  static SageError resourceNotFound(String message) {
    return new SageError(404, "ResourceNotFound", message);
  }

  static SageError recordNotFound(String message) {
    return new SageError(404, "RecordNotFound", message);
  }

  /** The exact wire shape: {@code {"error":{"code":..,"message":{"lang":"en-US","value":..}}}}. */
  static String body(String code, String message) {
    ObjectNode root = SimJson.object();
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    ObjectNode msg = error.putObject("message");
    msg.put("lang", "en-US");
    msg.put("value", message);
    return SimJson.write(root);
  }

  String body() {
    return body(code, getMessage());
  }
}
