package io.connectsdk.core.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * A small in-memory connector for engine tests: one entity type, upserts by target id or by the
 * stored source reference, a change log read with a sequence-number cursor, versions with
 * if-match (a stale one is a CONFLICT carrying the current record), and hooks to fail whole calls
 * or single records.
 */
final class FakeConnector implements Connector {
  private final String system;
  private final EntityType type;
  private final int maxBatch;
  private final Clock clock;
  private final Map<String, Entity> records = new LinkedHashMap<>();
  private final Map<String, String> idBySourceRef = new LinkedHashMap<>();
  private final List<String> changeLog = new ArrayList<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  final AtomicInteger writeCalls = new AtomicInteger();
  final AtomicInteger readCalls = new AtomicInteger();
  final AtomicInteger recordsApplied = new AtomicInteger();
  final List<WriteRequest> requests = new ArrayList<>();
  /** Called with the write call number (1-based) before a call; may return an exception to throw. */
  volatile IntFunction<RuntimeException> callFault = n -> null;
  /** Called per request with the call number; a non-null error fails that record. */
  volatile BiFunction<WriteRequest, Integer, WriteError> recordFault = (r, n) -> null;
  /** Called with each batch before it is applied; may return an exception to throw. */
  volatile java.util.function.Function<List<WriteRequest>, RuntimeException> batchFault =
      b -> null;
  /** Called per successful request; non-empty warnings qualify its result. */
  volatile java.util.function.Function<WriteRequest, List<String>> warnings = r -> List.of();
  private final Map<String, java.time.Instant> deletedAt = new LinkedHashMap<>();
  /** Called with the record index within a call; may throw to crash mid-call. */
  volatile IntFunction<RuntimeException> midCallCrash = i -> null;

  FakeConnector(String system, EntityType type, int maxBatch, Clock clock) {
    this.system = system;
    this.type = type;
    this.maxBatch = maxBatch;
    this.clock = clock;
  }

  @Override
  public String system() {
    return system;
  }

  @Override
  public Map<EntityType, Capabilities> capabilities() {
    return Map.of(type, Capabilities.readWrite(maxBatch).toBuilder().versions().delete()
        .tombstones().build());
  }

  /** Puts a record as if a user changed it in this system. */
  synchronized Entity put(String id, ObjectNode fields) {
    Entity previous = records.get(id);
    long version = previous == null ? 1 : previous.version().orElse(0) + 1;
    Entity e = Entity.builder(type, id).origin(system).fields(fields).updatedAt(clock.instant())
        .version(version).build();
    records.put(id, e);
    changeLog.add(id);
    return e;
  }

  /** Deletes a record as if a user did; reads list it as a tombstone. */
  synchronized void delete(String id) {
    records.remove(id);
    deletedAt.put(id, clock.instant());
    changeLog.add(id);
  }

  synchronized Optional<Entity> record(String id) {
    return Optional.ofNullable(records.get(id));
  }

  synchronized int size() {
    return records.size();
  }

  synchronized List<Entity> all() {
    return List.copyOf(records.values());
  }

  @Override
  public synchronized Page readChanges(EntityType t, Cursor cursor, int limit) {
    readCalls.incrementAndGet();
    int from = cursor.isBeginning() ? 0 : Integer.parseInt(cursor.value());
    int to = Math.min(changeLog.size(), from + limit);
    List<Entity> page = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String id = changeLog.get(i);
      Entity e = records.get(id);
      page.add(e != null ? e : Entity.tombstone(type, id, system, deletedAt.get(id)));
    }
    return new Page(page, Cursor.of(String.valueOf(to)), to < changeLog.size());
  }

  @Override
  public synchronized Optional<Entity> get(EntityType t, String id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public synchronized List<Entity> find(EntityType t, String field, String value) {
    return records.values().stream().filter(e -> e.text(field).orElse("").equals(value)).toList();
  }

  @Override
  public synchronized List<WriteResult> write(EntityType t, List<WriteRequest> batch) {
    int call = writeCalls.incrementAndGet();
    if (batch.size() > maxBatch) {
      throw new IllegalArgumentException("batch of " + batch.size() + " > " + maxBatch);
    }
    RuntimeException fault = callFault.apply(call);
    if (fault == null) {
      fault = batchFault.apply(batch);
    }
    if (fault != null) {
      throw fault;
    }
    List<WriteResult> results = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      RuntimeException crash = midCallCrash.apply(i);
      if (crash != null) {
        throw crash;
      }
      WriteRequest r = batch.get(i);
      requests.add(r);
      WriteError error = recordFault.apply(r, call);
      WriteResult result = error != null ? WriteResult.failed(r.targetId(), error) : apply(r);
      List<String> warned = result.isSuccess() ? warnings.apply(r) : List.of();
      results.add(warned.isEmpty() ? result : result.withWarnings(warned));
    }
    return results;
  }

  private WriteResult apply(WriteRequest r) {
    if (r.operation() == WriteRequest.Operation.DELETE) {
      String target = r.targetId().orElseThrow();
      records.remove(target);
      return WriteResult.deleted(target);
    }
    String id = r.targetId().orElseGet(() -> idBySourceRef.get(r.sourceRef()));
    Entity existing = id == null ? null : records.get(id);
    if (existing != null && r.ifMatch().isPresent()
        && !r.ifMatch().get().equals(String.valueOf(existing.version().orElse(0)))) {
      return WriteResult.conflict(id, existing);
    }
    // upsert semantics: fields not sent keep their value
    ObjectNode merged = existing == null ? r.fields() : existing.fields().setAll(r.fields());
    if (existing != null && existing.fields().equals(merged)) {
      return WriteResult.unchanged(id, existing);
    }
    boolean create = existing == null;
    if (id == null) {
      id = system + "-" + nextId.getAndIncrement();
    }
    recordsApplied.incrementAndGet();
    idBySourceRef.put(r.sourceRef(), id);
    Entity e = put(id, merged);
    return create ? WriteResult.created(id, e) : WriteResult.updated(id, e);
  }
}
