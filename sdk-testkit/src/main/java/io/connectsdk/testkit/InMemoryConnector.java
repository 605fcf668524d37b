package io.connectsdk.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A scriptable in-memory {@link Connector} for tests: records live in maps, every change gets a
 * connector-wide sequence number, and a {@link FaultScript} injects failures on demand.
 *
 * <pre>{@code
 * InMemoryConnector target = InMemoryConnector.builder()
 *     .system("crm")
 *     .type(EntityType.CUSTOMER, Capabilities.readWrite(50).withDelete())
 *     .naturalKey(EntityType.CUSTOMER, "external_id")
 *     .clock(FakeClock.at("2026-11-22T10:00:00Z"))
 *     .build();
 * target.faults().failNext(ConnectorOperation.WRITE, 2);
 * }</pre>
 *
 * <p>Upserts: a present {@code targetId} updates that record (a {@code FAILED NOT_FOUND} result if
 * there is none); otherwise a record holding the same natural key value is updated; otherwise an
 * idempotency key already seen returns its first result; otherwise a record is created with the
 * next id ({@code prefix + counter}, default prefix the first three letters of the type and
 * {@code _}, e.g. {@code cus_1}). Updates merge top-level fields; content equal to the stored record
 * is {@code UNCHANGED} (no version bump, no change). Each change bumps the version, sets {@code
 * updatedAt} from the clock and appends to {@link #changeLog()}.
 *
 * <p>{@link #readChanges} returns each record at its latest change, ordered by change number; the
 * cursor encodes the last change number returned. Deleted records drop out of reads. Capabilities
 * are enforced: a missing write or incremental-read capability throws {@link PermanentException}.
 *
 * <p>Thread-safe: one lock serialises all calls. Defaults: system {@code "memory"}, {@link
 * Clock#systemUTC()}, {@code new Random(0)} for fault rates.
 */
public final class InMemoryConnector implements Connector {
  private final Object lock = new Object();
  private final String system;
  private final Map<EntityType, Capabilities> capabilities;
  private final Map<EntityType, TypeStore> stores = new LinkedHashMap<>();
  private final Clock clock;
  private final FaultScript faults;
  private final Counters counters = new Counters();
  private final RecordWriter writer;
  private final List<ChangeLogEntry> changeLog = new ArrayList<>();
  private long sequence;

  InMemoryConnector(InMemoryConnectorBuilder b) {
    this.system = b.system;
    this.capabilities = Map.copyOf(b.capabilities);
    this.clock = b.clock;
    this.faults = new FaultScript(system, b.random);
    this.writer = new RecordWriter(this, faults, counters, b.strictIdempotencyKeys);
    b.capabilities.keySet().forEach(type -> stores.put(type, new TypeStore(type, system,
        b.naturalKeys.get(type), b.idPrefixes.getOrDefault(type, defaultPrefix(type)))));
  }

  /** Starts a connector; declare at least one type. */
  public static InMemoryConnectorBuilder builder() {
    return new InMemoryConnectorBuilder();
  }

  @Override
  public String system() {
    return system;
  }

  @Override
  public Map<EntityType, Capabilities> capabilities() {
    return capabilities;
  }

  /** The fault script of this connector; scripting it affects the following calls. */
  public FaultScript faults() {
    return faults;
  }

  @Override
  public Page readChanges(EntityType type, Cursor cursor, int limit) {
    requireNonNull(cursor, "cursor");
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    synchronized (lock) {
      TypeStore store = begin(ConnectorOperation.READ, type);
      if (!capabilities(type).incrementalRead()) {
        throw thrown(new PermanentException(system, "no incremental read for " + type));
      }
      long after = SequenceCursor.decode(cursor);
      var changed = store.changedAfter(after, limit);
      if (changed.isEmpty()) {
        return Page.last(List.of(), cursor);
      }
      long last = changed.get(changed.size() - 1).getKey();
      boolean tombstones = capabilities(type).tombstones();
      return new Page(changed.stream().map(Map.Entry::getValue)
              .filter(e -> tombstones || !e.deleted()).toList(),
          SequenceCursor.encode(last), store.hasChangesAfter(last));
    }
  }

  @Override
  public Optional<Entity> get(EntityType type, String id) {
    requireNonNull(id, "id");
    synchronized (lock) {
      return begin(ConnectorOperation.GET, type).get(id);
    }
  }

  @Override
  public List<Entity> find(EntityType type, String field, String value) {
    requireNonNull(field, "field");
    requireNonNull(value, "value");
    synchronized (lock) {
      return begin(ConnectorOperation.FIND, type).find(field, value);
    }
  }

  @Override
  public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
    List<WriteRequest> batch = List.copyOf(requireNonNull(requests, "requests"));
    synchronized (lock) {
      FaultScript.Decision decision = faults.next(ConnectorOperation.WRITE);
      TypeStore store = begin(ConnectorOperation.WRITE, type, decision);
      Capabilities caps = capabilities(type);
      if (!caps.write()) {
        throw thrown(new PermanentException(system, "writes are not supported for " + type));
      }
      if (batch.size() > caps.maxBatchSize()) {
        throw new IllegalArgumentException(
            "batch of " + batch.size() + " exceeds maxBatchSize " + caps.maxBatchSize());
      }
      List<WriteResult> results = new ArrayList<>(batch.size());
      for (WriteRequest request : batch) {
        WriteResult result = writer.apply(store, caps, request);
        results.add(result);
        if (result.isSuccess()) {
          Optional<Throwable> crash = faults.recordWritten();
          if (crash.isPresent()) {
            counters.thrown();
            if (crash.get() instanceof Error error) {
              throw error;
            }
            throw (RuntimeException) crash.get();
          }
        }
      }
      if (decision.after() != null) {
        throw thrown(decision.after());
      }
      return List.copyOf(results);
    }
  }

  /**
   * Stores records as if changed in the remote directly (no faults, not counted in stats): creates
   * each one (at its own version, or 1), or replaces the fields of an existing one at the next
   * version. A record whose fields are unchanged is left alone. Stored records take their origin
   * and {@code updatedAt} from this connector and its clock; each change is a new change for
   * {@link #readChanges}.
   */
  public InMemoryConnector seed(Entity... entities) {
    for (Entity e : requireNonNull(entities, "entities")) {
      put(e);
    }
    return this;
  }

  /** Stores one record as if changed in the remote directly; returns it as stored. */
  public Entity put(Entity entity) {
    requireNonNull(entity, "entity");
    synchronized (lock) {
      TypeStore store = store(entity.type());
      Optional<Entity> existing = store.get(entity.id());
      if (existing.isPresent() && existing.get().sameFields(entity)) {
        return existing.get();
      }
      return commit(store, entity.id(), entity.fields(), existing.isPresent()
          ? WriteResult.Status.UPDATED : WriteResult.Status.CREATED, entity.version().orElse(1));
    }
  }

  /** Deletes a record as if deleted in the remote directly; returns false if there was none. */
  public boolean remove(EntityType type, String id) {
    requireNonNull(id, "id");
    synchronized (lock) {
      TypeStore store = store(type);
      return store.get(id).isPresent() && erase(store, id);
    }
  }

  /** The stored record, read without faults or stats. */
  public Optional<Entity> record(EntityType type, String id) {
    requireNonNull(id, "id");
    synchronized (lock) {
      return store(type).get(id);
    }
  }

  /** All stored records of a type, in creation order, read without faults or stats. */
  public List<Entity> records(EntityType type) {
    synchronized (lock) {
      return store(type).all();
    }
  }

  /** How many records of a type are stored. */
  public int count(EntityType type) {
    synchronized (lock) {
      return store(type).size();
    }
  }

  /** Every change so far, across types, in order. */
  public List<ChangeLogEntry> changeLog() {
    synchronized (lock) {
      return List.copyOf(changeLog);
    }
  }

  /** A snapshot of the call and result counters. */
  public ConnectorStats stats() {
    synchronized (lock) {
      return counters.snapshot();
    }
  }

  /** The clock that stamps changes. */
  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "InMemoryConnector[" + system + " " + capabilities.keySet() + "]";
  }

  /** Records one change; the caller holds the lock. */
  Entity commit(TypeStore store, String id, ObjectNode fields, WriteResult.Status status) {
    return commit(store, id, fields, status, 1);
  }

  /** Removes one record and logs it; the caller holds the lock. */
  boolean erase(TypeStore store, String id) {
    boolean removed = store.remove(id, ++sequence, clock.instant());
    if (removed) {
      changeLog.add(new ChangeLogEntry(sequence, store.type(), id, WriteResult.Status.DELETED,
          clock.instant()));
    }
    return removed;
  }

  private Entity commit(
      TypeStore store, String id, ObjectNode fields, WriteResult.Status status, long firstVersion) {
    Instant now = clock.instant();
    Entity stored = store.store(id, fields, firstVersion, ++sequence, now);
    changeLog.add(new ChangeLogEntry(sequence, store.type(), id, status, now));
    return stored;
  }

  private TypeStore begin(ConnectorOperation operation, EntityType type) {
    return begin(operation, type, faults.next(operation));
  }

  private TypeStore begin(ConnectorOperation operation, EntityType type, FaultScript.Decision d) {
    counters.call(operation);
    TypeStore store = store(type);
    if (d.before() != null) {
      throw thrown(d.before());
    }
    return store;
  }

  private TypeStore store(EntityType type) {
    requireNonNull(type, "type");
    TypeStore store = stores.get(type);
    if (store == null) {
      throw new IllegalArgumentException(system + " does not serve entity type " + type);
    }
    return store;
  }

  private RuntimeException thrown(RuntimeException e) {
    counters.thrown();
    return e;
  }

  private static String defaultPrefix(EntityType type) {
    String name = type.name();
    return name.substring(0, Math.min(3, name.length())) + "_";
  }
}
