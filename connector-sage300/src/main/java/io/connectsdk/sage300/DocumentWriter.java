package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.sage300.Resource.WriteStyle;
import io.connectsdk.http.HttpError;
import io.connectsdk.http.JsonResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes documents whose key the server assigns: orders (no PATCH) and batches (PATCH allowed).
 *
 * <p>Idempotent create: the request's source reference (or the value the mapping already put in
 * the reference field) is stored in the reference field ({@code OrderReference} for OEOrders),
 * shortened deterministically if too long. Before a POST the writer looks it up with
 * {@code $filter=<field> eq '<ref>'}; a hit means an earlier attempt already created the document
 * (perhaps its answer was lost), so no second one is created. Calls per new record: lookup + POST;
 * per repeat: lookup only. The lookup-then-create procedure runs under the resilience policy as one
 * unit, so a retry after a lost answer repeats the lookup, never a blind POST.
 *
 * <p>An existing document whose content equals the request is UNCHANGED. A different one is, for a
 * batch with a known id or found by reference, PATCHed (UPDATED); for an order it is FAILED
 * PERMANENT ({@code OrderChanged}): OEOrders and POPurchaseOrders cannot be PATCHed, so the change
 * has to be made in Sage 300. Thread-safe.
 */
final class DocumentWriter {
  private static final Logger LOG = LoggerFactory.getLogger(DocumentWriter.class);
  private final SageClient client;
  private final RecordReader reader;
  private final int referenceMaxLength;
  private final UnansweredPosts unanswered = new UnansweredPosts();

  DocumentWriter(SageClient client, RecordReader reader, int referenceMaxLength) {
    this.client = requireNonNull(client, "client");
    this.reader = requireNonNull(reader, "reader");
    this.referenceMaxLength = referenceMaxLength;
  }

  WriteResult write(Resource resource, EntityType type, WriteRequest request) {
    String field = resource.referenceField().orElseThrow();
    ObjectNode body = request.fields();
    JsonNode given = body.get(field);
    String ref;
    if (given != null && given.isTextual() && !given.asText().isBlank()) {
      ref = given.asText();
      if (ref.length() > referenceMaxLength) {
        return WriteSupport.failed(request.targetId(), "ReferenceTooLong", field + " is longer "
            + "than " + referenceMaxLength + " characters");
      }
    } else {
      ref = References.of(request.sourceRef(), referenceMaxLength);
      body = withReference(body, field, ref);
    }
    ObjectNode finalBody = body;
    return client.retrying(() -> upsert(resource, type, request.targetId(), field, ref, finalBody,
        request.idempotencyKey()));
  }

  private WriteResult upsert(Resource resource, EntityType type, Optional<String> targetId,
      String field, String ref, ObjectNode body, String idempotencyKey) {
    if (targetId.isPresent()) {
      Optional<JsonNode> existing = reader.getJson(resource, targetId.get());
      if (existing.isEmpty()) {
        return WriteSupport.failed(targetId, "RecordNotFound", type + " " + targetId.get()
            + " no longer exists in Sage 300; it is not re-created");
      }
      return existing(resource, type, targetId.get(), existing.get(), body);
    }
    List<JsonNode> found = reader.findJson(resource, field, ref, false);
    if (!found.isEmpty()) {
      JsonNode first = found.get(0);
      if (found.size() > 1) {
        LOG.warn("{} records of {} carry {} '{}'; using the first", found.size(), resource.path(),
            field, ref);
      }
      WriteResult result = existing(resource, type, Records.id(resource, first), first, body);
      // our own earlier POST of this procedure, whose answer was lost, created it
      if (unanswered.lookedUp(idempotencyKey) && result.status() == WriteResult.Status.UNCHANGED) {
        return WriteResult.created(result.targetId().orElseThrow(), result.record().orElse(null));
      }
      return result;
    }
    unanswered.sending(idempotencyKey);
    JsonResponse posted = client.send("POST", client.url(resource, ""), body);
    Optional<HttpError> failure = client.failure(posted);
    if (failure.isEmpty() || failure.get().recordLevel()) {
      unanswered.answered(idempotencyKey); // settled; a transient answer keeps the mark
    }
    if (failure.isPresent()) {
      return WriteSupport.failOrThrow(client, failure.get(), "POST " + resource.path(),
          Optional.empty());
    }
    Optional<Entity> record = WriteSupport.entity(resource, type, posted.body());
    if (record.isEmpty()) {
      // 2xx without the generated keys: find what we just created by its reference
      List<JsonNode> created = reader.findJson(resource, field, ref, false);
      if (created.isEmpty()) {
        return WriteSupport.failed(Optional.empty(), "CreateNotVisible", "POST "
            + resource.path() + " succeeded but the record with " + field + " " + ref
            + " cannot be read back");
      }
      record = Optional.of(Records.toEntity(resource, type, created.get(0)));
    }
    return WriteResult.created(record.get().id(), record.get());
  }

  private WriteResult existing(Resource resource, EntityType type, String id, JsonNode current,
      ObjectNode body) {
    if (ContentMatch.matches(body, current)) {
      return WriteResult.unchanged(id, Records.toEntity(resource, type, current));
    }
    if (resource.style() != WriteStyle.BATCH) {
      return WriteSupport.failed(Optional.of(id), "OrderChanged", type + " " + id
          + " already exists in Sage 300 with different content; " + resource.name()
          + " cannot be updated through the Web API (no PATCH), change it in Sage 300");
    }
    JsonResponse patched = client.send("PATCH",
        client.url(resource, OData.keyPredicate(resource.key(), id)), body);
    Optional<HttpError> failure = client.failure(patched);
    if (failure.isPresent()) {
      return WriteSupport.failOrThrow(client, failure.get(), "PATCH " + resource.path(),
          Optional.of(id));
    }
    Optional<Entity> record = WriteSupport.entity(resource, type, patched.body());
    return WriteResult.updated(id, record.orElse(null));
  }

  /**
   * Inserts the reference before the first line array (header fields are applied to the view
   * before its details), or appends it when there is none.
   */
  static ObjectNode withReference(ObjectNode body, String field, String ref) {
    ObjectNode out = Json.object();
    boolean placed = false;
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (!placed && e.getValue().isArray()) {
        out.put(field, ref);
        placed = true;
      }
      if (!e.getKey().equals(field)) {
        out.set(e.getKey(), e.getValue());
      }
    }
    if (!placed) {
      out.put(field, ref); // replaces a blank value in place, keeping its position
    }
    return out;
  }
}
