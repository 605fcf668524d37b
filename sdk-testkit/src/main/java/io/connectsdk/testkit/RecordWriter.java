package io.connectsdk.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.Optional;

/**
 * Applies one write request to a {@link TypeStore} with upsert semantics: target id, then natural
 * key, then a replayed idempotency key, then create. Not thread-safe: runs under the connector's
 * lock.
 */
final class RecordWriter {
  private final InMemoryConnector owner;
  private final FaultScript faults;
  private final Counters counters;
  private final boolean strictKeys;

  RecordWriter(InMemoryConnector owner, FaultScript faults, Counters counters,
      boolean strictKeys) {
    this.owner = owner;
    this.faults = faults;
    this.counters = counters;
    this.strictKeys = strictKeys;
  }

  WriteResult apply(TypeStore store, Capabilities capabilities, WriteRequest request) {
    if (request.operation() == WriteRequest.Operation.DELETE) {
      return delete(store, capabilities, request.targetId().orElseThrow());
    }
    ObjectNode fields = request.fields();
    Optional<WriteError> rejected = faults.rejection(fields);
    if (rejected.isPresent()) {
      return count(WriteResult.failed(request.targetId(), rejected.get()));
    }
    if (request.targetId().isPresent()) {
      String id = request.targetId().get();
      Optional<Entity> existing = store.get(id);
      if (existing.isEmpty()) {
        return count(WriteResult.failed(request.targetId(),
            WriteError.permanent("NOT_FOUND", "no record with id " + id)));
      }
      return update(store, existing.get(), fields, request, capabilities);
    }
    Optional<String> byKey = store.idByNaturalKey(fields);
    if (byKey.isPresent()) {
      return update(store, store.get(byKey.get()).orElseThrow(), fields, request, capabilities);
    }
    if (request.recovery()) {
      // an earlier create's outcome is unknown: look for it by the reference it was made with
      Optional<String> made = store.idBySourceRef(request.sourceRef());
      if (made.isPresent()) {
        counters.replayed();
        return update(store, store.get(made.get()).orElseThrow(), fields, request, capabilities);
      }
    }
    Optional<WriteResult> replay = store.reply(request.idempotencyKey());
    if (replay.isPresent()) {
      if (strictKeys && !store.replyBody(request.idempotencyKey()).orElseThrow().equals(fields)) {
        return count(WriteResult.failed(WriteError.permanent("IdempotencyConflict",
            "idempotency key reused with other content")));
      }
      counters.replayed();
      return replay.get();
    }
    String id = store.newId();
    Entity created = owner.commit(store, id, fields, WriteResult.Status.CREATED);
    store.rememberSourceRef(request.sourceRef(), id);
    WriteResult result = count(WriteResult.created(id, created));
    store.remember(request.idempotencyKey(), fields, result);
    return result;
  }

  private WriteResult update(TypeStore store, Entity existing, ObjectNode fields, WriteRequest r,
      Capabilities capabilities) {
    if (capabilities.versions() && r.ifMatch().isPresent()
        && !r.ifMatch().get().equals(String.valueOf(existing.version().orElse(0)))) {
      counters.result(WriteResult.Status.CONFLICT);
      return WriteResult.conflict(existing.id(), existing);
    }
    ObjectNode merged = existing.fields();
    merged.setAll(fields);
    if (merged.equals(existing.fields())) {
      return count(WriteResult.unchanged(existing.id(), existing));
    }
    Entity updated = owner.commit(store, existing.id(), merged, WriteResult.Status.UPDATED);
    return count(WriteResult.updated(existing.id(), updated));
  }

  private WriteResult delete(TypeStore store, Capabilities capabilities, String id) {
    if (!capabilities.delete()) {
      return count(WriteResult.failed(Optional.of(id), new WriteError(ErrorKind.PERMANENT,
          "DeleteNotSupported", "deletes are not supported for this type", Optional.empty(),
          java.time.Duration.ZERO)));
    }
    if (store.get(id).isPresent()) {
      owner.erase(store, id);
      return count(WriteResult.deleted(id));
    }
    if (store.wasDeleted(id)) {
      counters.unchanged();
      return WriteResult.deleted(id);
    }
    return count(WriteResult.failed(Optional.of(id),
        WriteError.permanent("NOT_FOUND", "no record with id " + id)));
  }

  private WriteResult count(WriteResult result) {
    counters.result(result.status());
    return result;
  }
}
