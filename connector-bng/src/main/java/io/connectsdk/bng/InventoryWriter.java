package io.connectsdk.bng;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.CompositeKey;
import io.connectsdk.core.Entity;
import io.connectsdk.core.Json;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.Map;
import java.util.Optional;

/**
 * {@code PUT /inventory/{sku}/{location}} with {@code on_hand} (and {@code allocated} if given).
 * A PUT sets the level whatever it was, so repeating one is harmless and needs no key. The level
 * is named by the target id ({@code sku=..,location=..}) or, for a new one, by the {@code sku} and
 * {@code location} fields.
 */
final class InventoryWriter {
  private InventoryWriter() {}

  static WriteResult put(String system, BngHttp http, WriteRequest request, ObjectNode fields) {
    Optional<CompositeKey> key = key(request, fields);
    if (key.isEmpty()) {
      return WriteResult.failed(request.targetId(), WriteError.permanent(BngErrors.VALIDATION,
          "an inventory level needs sku and location").withField("sku"));
    }
    ObjectNode body = Json.object();
    for (String f : new String[] {"on_hand", "allocated"}) {
      if (fields.has(f)) {
        body.set(f, fields.get(f));
      }
    }
    String id = key.get().encode();
    Reply reply = http.send("PUT", http.url(Resource.INVENTORY.path, key.get().get("sku"),
        key.get().get("location")), body, Map.of());
    if (!reply.ok()) {
      return RecordWriter.failed(Optional.of(id), reply);
    }
    JsonNode answer = reply.response().body();
    if (!answer.isObject()) {
      throw new io.connectsdk.core.TransientException(system, "PUT /inventory answered no record");
    }
    Entity level = Records.toEntity(system, Resource.INVENTORY, (ObjectNode) answer);
    long version = level.version().orElse(0);
    if (request.ifMatch().filter(Long.toString(version)::equals).isPresent()) {
      return WriteResult.unchanged(level.id(), level);
    }
    return request.targetId().isEmpty() && version == 1
        ? WriteResult.created(level.id(), level) : WriteResult.updated(level.id(), level);
  }

  private static Optional<CompositeKey> key(WriteRequest request, ObjectNode fields) {
    if (request.targetId().isPresent()) {
      try {
        CompositeKey k = CompositeKey.parse(request.targetId().get());
        return Optional.of(Resource.inventoryKey(k.get("sku"), k.get("location")));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    String sku = fields.path("sku").asText("");
    String location = fields.path("location").asText("");
    return sku.isEmpty() || location.isEmpty() ? Optional.empty()
        : Optional.of(Resource.inventoryKey(sku, location));
  }
}
