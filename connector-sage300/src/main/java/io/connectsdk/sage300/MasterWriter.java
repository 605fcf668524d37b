package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.Optional;
import io.connectsdk.http.HttpError;
import io.connectsdk.http.JsonResponse;
import okhttp3.HttpUrl;

/**
 * Upserts master data (customers, vendors, items, categories) by natural key. With a known
 * {@code targetId}: one {@code PATCH Resource(id)}; RecordNotFound is a FAILED result (the record
 * was deleted in Sage 300; it is not silently re-created). Without one (a record the ledger never
 * linked), the key is the natural key field of the body ({@code CustomerNumber}; ICItems {@code
 * UnformattedItemNumber}) and the writer creates: one {@code POST}; a RecordDuplicate answer
 * (someone created it meanwhile, or our own earlier POST whose answer was lost) becomes a {@code
 * PATCH Resource(key)} (2 requests). Bodies are sent exactly in the request's field order,
 * partial; never PUT (it would drop detail rows). The whole procedure is idempotent, so it runs
 * under the resilience policy as one unit. Thread-safe.
 */
final class MasterWriter {
  private final SageClient client;
  private final UnansweredPosts unanswered = new UnansweredPosts();

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
    return client.retrying(() -> request.targetId().isPresent()
        ? update(resource, type, url, key.get(), body)
        : create(resource, type, url, key.get(), body, request.idempotencyKey()));
  }

  /**
   * POST; RecordDuplicate becomes a PATCH. If an earlier POST of this record (same idempotency
   * key) got no answer, the duplicate is our own record: the result is CREATED, which is what the
   * server saw.
   */
  private WriteResult create(Resource resource, EntityType type, HttpUrl url, String key,
      ObjectNode body, String idempotencyKey) {
    boolean ownEarlierPost = unanswered.sending(idempotencyKey);
    JsonResponse posted = client.send("POST", client.url(resource, ""), body);
    Optional<HttpError> failure = client.failure(posted);
    if (failure.isEmpty() || failure.get().recordLevel() && !failure.get().is("RecordDuplicate")) {
      // settled; a duplicate, or a transient answer, keeps the mark until the record is written
      unanswered.answered(idempotencyKey);
    }
    if (failure.isEmpty()) {
      Optional<Entity> record = WriteSupport.entity(resource, type, posted.body());
      return WriteResult.created(record.map(Entity::id).orElse(key), record.orElse(null));
    }
    if (!failure.get().is("RecordDuplicate")) {
      return WriteSupport.failOrThrow(client, failure.get(), "POST " + resource.path(),
          Optional.empty());
    }
    JsonResponse patched = client.send("PATCH", url, body);
    Optional<HttpError> patchFailure = client.failure(patched);
    if (patchFailure.isPresent()) {
      return WriteSupport.failOrThrow(client, patchFailure.get(), "PATCH " + resource.path(),
          Optional.of(key));
    }
    unanswered.answered(idempotencyKey);
    WriteResult updated = updated(resource, type, key, patched.body());
    return ownEarlierPost
        ? WriteResult.created(updated.targetId().orElse(key), updated.record().orElse(null))
        : updated;
  }

  private WriteResult update(Resource resource, EntityType type, HttpUrl url, String key,
      ObjectNode body) {
    JsonResponse patched = client.send("PATCH", url, body);
    Optional<HttpError> failure = client.failure(patched);
    if (failure.isEmpty()) {
      return updated(resource, type, key, patched.body());
    }
    if (SageErrors.isNotFound(failure.get())) {
      return WriteSupport.failed(Optional.of(key), "RecordNotFound", type + " " + key
          + " no longer exists in Sage 300; it is not re-created under that id");
    }
    return WriteSupport.failOrThrow(client, failure.get(), "PATCH " + resource.path(),
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
      JsonResponse r = client.send("DELETE", url, null);
      Optional<HttpError> failure = client.failure(r);
      if (failure.isEmpty()) {
        return WriteResult.deleted(key);
      }
      HttpError e = failure.get();
      if (SageErrors.isNotFound(e)) {
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
