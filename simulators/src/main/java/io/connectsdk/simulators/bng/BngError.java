package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/** A BNG error answer, thrown inside the simulator and rendered as the contract's error body. */
final class BngError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String type;
  final transient Map<String, String> fields;

  BngError(int status, String type, String message, Map<String, String> fields) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.fields = new TreeMap<>(fields);
  }

  BngError(int status, String type, String message) {
    this(status, type, message, Map.of());
  }

  static BngError validation(Map<String, String> fields) {
    return new BngError(422, "validation_error", "The record is invalid.", fields);
  }

  static BngError badRequest(String field, String problem) {
    return new BngError(400, "validation_error", field + " " + problem, Map.of(field, problem));
  }

  static BngError notFound(String message) {
    return new BngError(404, "not_found", message);
  }

  static BngError conflict(String field, String message) {
    return new BngError(409, "conflict", message, Map.of(field, "already exists"));
  }

  static BngError unauthorized(String message) {
    return new BngError(401, "unauthorized", message);
  }

  /** {@code {"error":{"type","message","fields"?}}}. */
  String body() {
    ObjectNode root = BngJson.MAPPER.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("type", type);
    error.put("message", getMessage());
    if (!fields.isEmpty()) {
      ObjectNode f = error.putObject("fields");
      fields.forEach(f::put);
    }
    return BngJson.write(root);
  }
}
