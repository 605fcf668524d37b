package io.connectsdk.bng;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.Map;
import java.util.Optional;

/**
 * Upserts one record by {@code external_id} (bng.md: the idempotent-create path is
 * {@code Idempotency-Key} plus the {@code external_id} lookup). With a target id: {@code PATCH},
 * with {@code If-Match} when the engine recorded a version; a 412 is a {@link
 * WriteResult.Status#CONFLICT} carrying the current record (or an update, if the current record
 * already holds this content: our own earlier attempt was applied). Without one: look the record up
 * by {@code external_id} (a recovery request always is), {@code PATCH} it if found (nothing if it
 * already holds the content), else {@code POST} with the {@code Idempotency-Key} derived from the
 * engine's key. Inventory levels are {@code PUT}. Thread-safe.
 */
final class RecordWriter {
  private final String system;
  private final BngHttp http;
  private final Lookup lookup;

  RecordWriter(String system, BngHttp http, Lookup lookup) {
    this.system = system;
    this.http = http;
    this.lookup = lookup;
  }

  WriteResult write(Resource resource, WriteRequest request) {
    if (request.operation() == WriteRequest.Operation.DELETE) {
      return WriteResult.failed(request.targetId(), WriteError.permanent("delete_not_supported",
          "BNG v1 has no deletes"));
    }
    ObjectNode fields = request.fields();
    if (resource.keyedBySkuAndLocation()) {
      return InventoryWriter.put(system, http, request, fields);
    }
    if (request.targetId().isPresent()) {
      return patch(resource, request.targetId().get(), fields, request.ifMatch());
    }
    Optional<String> externalId = externalId(fields);
    if (externalId.isPresent()) {
      Optional<ObjectNode> existing = lookup.byExternalId(resource, externalId.get());
      if (existing.isPresent()) {
        return updateFound(resource, existing.get(), fields);
      }
    }
    return create(resource, request, fields, externalId);
  }

  private WriteResult create(Resource resource, WriteRequest request, ObjectNode fields,
      Optional<String> externalId) {
    String key = IdempotencyKeys.derive(system, resource, request.idempotencyKey());
    Reply reply = http.send("POST", http.url(resource.path), fields,
        Map.of("Idempotency-Key", key));
    if (reply.ok()) {
      Entity created = entity(resource, reply);
      return WriteResult.created(created.id(), created);
    }
    if ((reply.is(BngErrors.CONFLICT) || reply.is(BngErrors.IDEMPOTENCY_CONFLICT))
        && externalId.isPresent()) {
      // created meanwhile under this external_id, or this key was spent on other content:
      // the record to update is the one holding the external_id
      Optional<ObjectNode> existing = lookup.byExternalId(resource, externalId.get());
      if (existing.isPresent()) {
        return updateFound(resource, existing.get(), fields);
      }
    }
    return failed(Optional.empty(), reply);
  }

  private WriteResult updateFound(Resource resource, ObjectNode existing, ObjectNode fields) {
    Entity found = Records.toEntity(system, resource, existing.deepCopy());
    if (Records.holds(existing, fields)) {
      return WriteResult.unchanged(found.id(), found);
    }
    return patch(resource, found.id(), fields, Optional.empty());
  }

  private WriteResult patch(Resource resource, String id, ObjectNode fields,
      Optional<String> ifMatch) {
    Map<String, String> headers = ifMatch.map(v -> Map.of("If-Match", v)).orElse(Map.of());
    Reply reply = http.send("PATCH", http.url(resource.path, id), fields, headers);
    if (reply.ok()) {
      Entity updated = entity(resource, reply);
      boolean same = ifMatch.isPresent()
          && ifMatch.get().equals(Long.toString(updated.version().orElse(-1)));
      return same ? WriteResult.unchanged(id, updated) : WriteResult.updated(id, updated);
    }
    if (reply.status() == 412 || reply.is(BngErrors.VERSION_CONFLICT)) {
      return onVersionConflict(resource, id, fields);
    }
    return failed(Optional.of(id), reply);
  }

  private WriteResult onVersionConflict(Resource resource, String id, ObjectNode fields) {
    Optional<ObjectNode> current = lookup.byId(resource, id);
    if (current.isEmpty()) {
      return WriteResult.failed(Optional.of(id), WriteError.permanent(BngErrors.NOT_FOUND,
          resource.path + " " + id + " no longer exists"));
    }
    Entity entity = Records.toEntity(system, resource, current.get().deepCopy());
    return Records.holds(current.get(), fields)
        ? WriteResult.updated(id, entity) // our earlier attempt, whose answer was lost, applied it
        : WriteResult.conflict(id, entity);
  }

  private Entity entity(Resource resource, Reply reply) {
    JsonNode body = reply.response().body();
    if (!body.isObject()) {
      throw new io.connectsdk.core.TransientException(system, reply.response().describe()
          + " answered without the record");
    }
    return Records.toEntity(system, resource, (ObjectNode) body);
  }

  static WriteResult failed(Optional<String> id, Reply reply) {
    return WriteResult.failed(id, BngErrors.toWriteError(reply.error().orElseThrow(),
        reply.response().body()));
  }

  private static Optional<String> externalId(ObjectNode fields) {
    JsonNode v = fields.get(Resource.EXTERNAL_ID);
    return v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty()
        ? Optional.empty() : Optional.of(v.asText());
  }
}
