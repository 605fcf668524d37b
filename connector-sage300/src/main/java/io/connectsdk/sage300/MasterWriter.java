package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Upserts master data (customers, vendors, items, categories) by natural key. With a known
 * {@code targetId}: one {@code PATCH Resource(id)}; RecordNotFound is a FAILED result (the record
 * was deleted in Sage 300; it is not silently re-created). Without one, the key is the natural key
 * field of the body ({@code CustomerNumber}; ICItems {@code UnformattedItemNumber}). Calls per
 * record: {@code PATCH Resource(key)} (1 call if the record exists); on RecordNotFound {@code POST}
 * (2 calls); a POST answered RecordDuplicate (someone created it meanwhile, or our own earlier
 * POST whose answer was lost) becomes a PATCH (3 calls). Bodies are sent exactly in the request's
 * field order, partial; never PUT (it would drop detail rows). The whole procedure is idempotent,
 * so it runs under the resilience policy as one unit. Thread-safe.
 */
final class MasterWriter {
  private final SageClient client;

  MasterWriter(SageClient client) {
    this.client = requireNonNull(client, "client");
  }

  WriteResult write(Resource resource, EntityType type, WriteRequest request) {
    if (request.operation() == WriteRequest.Operation.DELETE) {
      return delete(resource, request.targetId().orElseThrow());
    }
    ObjectNode body = request.fields();
    Optional<String> key = request.targetId().or(() -> naturalKey(resource, body));
    if (key.isEmpty()) {
      return WriteSupport.failed(Optional.empty(), "MissingKey", type + " needs a targetId or the "
          + "natural key field " + resource.writeKeyField().orElse("?") + " to upsert");
    }
    HttpUrl url = client.url(resource, OData.keyPredicate(resource.key(), key.get()));
    boolean known = request.targetId().isPresent();
    return client.retrying(() -> upsert(resource, type, url, key.get(), body, known));
  }

  private WriteResult upsert(Resource resource, EntityType type, HttpUrl url, String key,
      ObjectNode body, boolean knownTarget) {
    SageResponse patched = client.send("PATCH", url, body);
    if (patched.isSuccess()) {
      return updated(resource, type, key, patched.body());
    }
    SageError notFound = client.error(patched);
    if (notFound.isNotFound() && knownTarget) {
      return WriteSupport.failed(Optional.of(key), "RecordNotFound", type + " " + key
          + " no longer exists in Sage 300; it is not re-created under that id");
    }
    if (!notFound.isNotFound()) {
      return WriteSupport.failOrThrow(client, notFound, "PATCH " + resource.path(),
          Optional.of(key));
    }
    SageResponse posted = client.send("POST", client.url(resource, ""), body);
    if (posted.isSuccess()) {
      Optional<Entity> record = WriteSupport.entity(resource, type, posted.body());
      return WriteResult.created(record.map(Entity::id).orElse(key), record.orElse(null));
    }
    SageError failure = client.error(posted);
    if (!failure.is("RecordDuplicate")) {
      return WriteSupport.failOrThrow(client, failure, "POST " + resource.path(), Optional.empty());
    }
    SageResponse again = client.send("PATCH", url, body);
    if (again.isSuccess()) {
      return updated(resource, type, key, again.body());
    }
    return WriteSupport.failOrThrow(client, client.error(again), "PATCH " + resource.path(),
        Optional.of(key));
  }

  private static WriteResult updated(Resource resource, EntityType type, String key,
      JsonNode body) {
    Optional<Entity> record = WriteSupport.entity(resource, type, body);
    return WriteResult.updated(record.map(Entity::id).orElse(key), record.orElse(null));
  }

  private WriteResult delete(Resource resource, String key) {
    HttpUrl url = client.url(resource, OData.keyPredicate(resource.key(), key));
    return client.retrying(() -> {
      SageResponse r = client.send("DELETE", url, null);
      if (r.isSuccess()) {
        return WriteResult.deleted(key);
      }
      SageError e = client.error(r);
      if (e.isNotFound()) {
        return WriteResult.deleted(key); // already gone: a repeated delete is a success
      }
      return WriteSupport.failOrThrow(client, e, "DELETE " + resource.path(), Optional.of(key));
    });
  }

  private static Optional<String> naturalKey(Resource resource, ObjectNode body) {
    return resource.writeKeyField().map(body::get)
        .filter(v -> v.isValueNode() && !v.isNull() && !v.asText().isBlank())
        .map(v -> v.isNumber() ? Records.plain(v.decimalValue()) : v.asText());
  }
}
