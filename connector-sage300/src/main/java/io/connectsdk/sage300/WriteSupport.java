package io.connectsdk.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.http.HttpError;
import java.util.Optional;

/** Shared by the writers: record-level rejections become results, the rest exceptions. */
final class WriteSupport {
  private WriteSupport() {}

  /**
   * A FAILED result if the error rejects this record (RecordInvalid, InvalidPayload, FieldInvalid,
   * 409 General...), otherwise the whole call fails with the matching exception.
   */
  static WriteResult failOrThrow(SageClient client, HttpError e, String what,
      Optional<String> targetId) {
    if (e.recordLevel()) {
      return WriteResult.failed(targetId, new WriteError(e.kind(), e.code(),
          what + ": " + e.message(), Optional.empty(), e.retryAfter()));
    }
    throw client.toException(e, what);
  }

  static WriteResult failed(Optional<String> targetId, String code, String message) {
    return WriteResult.failed(targetId, WriteError.permanent(code, message));
  }

  /** The returned record as an entity, if the body is a record carrying its key. */
  static Optional<Entity> entity(Resource resource, EntityType type, JsonNode body) {
    if (body == null || !body.isObject()) {
      return Optional.empty();
    }
    for (KeyPart part : resource.key()) {
      JsonNode v = body.get(part.name());
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
    }
    return Optional.of(Records.toEntity(resource, type, body));
  }
}
