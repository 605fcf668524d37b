package io.connectsdk.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Connector} promises, as JUnit 5 tests. Extend it once per entity type,
 * supply a fresh connector and record content, and every test below runs against your connector:
 *
 * <pre>{@code
 * class CrmCustomerContractTest extends ConnectorContractTest {
 *   protected Connector newConnector() { return CrmConnector.builder().baseUrl(server.url()).build(); }
 *   protected EntityType entityType() { return EntityType.CUSTOMER; }
 *   protected ObjectNode newRecordFields(int i) {
 *     return Json.object().put("external_id", "C" + i).put("name", "Customer " + i);
 *   }
 *   protected ObjectNode changedFields(ObjectNode fields) {
 *     return fields.deepCopy().put("name", fields.get("name").asText() + " (changed)");
 *   }
 * }
 * }</pre>
 *
 * <p>What it proves: incremental reads return every record exactly once across small pages and
 * resume from a saved cursor; a change after a read shows up in the next read with its latest
 * content; writes are upserts (a repeated request creates nothing new and returns the same target
 * id); a rejected record is a {@code FAILED} result with a classified error while the rest of its
 * batch succeeds; one result per request, in order; an unknown id is an empty {@code get}, and a
 * {@code FAILED} update; thrown errors are {@link ConnectorException} subtypes of the right kind.
 * Tests whose capability (write, delete, incremental read) or optional hook is missing are skipped
 * through assumptions, never passed vacuously.
 *
 * <p>Each test gets a fresh connector from {@link #newConnector()}; it may already hold records
 * (e.g. a simulator's seed data): the tests only reason about the records they create. Every
 * assertion message starts with the rule that was broken. Only the JUnit Jupiter API is used, so
 * the class runs on the JUnit version of the build that extends it.
 */
public abstract class ConnectorContractTest {
  private Connector connector;
  private int created;

  /** A fresh connector for one test; closed by {@link #closeConnector} afterwards. */
  protected abstract Connector newConnector();

  /** The entity type under test; the connector must serve it. */
  protected abstract EntityType entityType();

  /** Valid content for a new record; distinct {@code i} must give distinct records. */
  protected abstract ObjectNode newRecordFields(int i);

  /** Content that changes a record that has {@code fields} (complete or partial). */
  protected abstract ObjectNode changedFields(ObjectNode fields);

  /** Content the connector rejects per record, if any; empty skips the per-record failure test. */
  protected Optional<ObjectNode> invalidRecordFields() {
    return Optional.empty();
  }

  /**
   * Arranges for the connector's next call to fail with {@code kind} (e.g. by scripting the fake
   * server behind it); returns false if that cannot be arranged, which skips that test. The next
   * call is {@code readChanges} if the type supports incremental reads, else {@code get}.
   */
  protected boolean failNextCall(Connector connector, ErrorKind kind) {
    return false;
  }

  /**
   * Creates a record in the remote and returns its id. The default writes it through the connector
   * (skipping the test for a read-only type); override it to create records behind the connector's
   * back, e.g. in a simulator, for read-only types.
   */
  protected String createInRemote(Connector connector, ObjectNode fields) {
    WriteResult result = writeOne(upsert(Optional.empty(), fields));
    assertTrue(result.isSuccess(), () -> "a valid new record is created: " + result);
    return targetId(result);
  }

  /** Changes a record in the remote; the default writes through the connector. */
  protected void changeInRemote(Connector connector, String id, ObjectNode fields) {
    WriteResult result = writeOne(upsert(Optional.of(id), fields));
    assertTrue(result.isSuccess(), () -> "a valid change of record " + id + " succeeds: " + result);
  }

  /** Called before each change made by a test; move a fake clock here if cursors are times. */
  protected void letTimePass() {}

  /** Checks a record read back holds the written content; override if the connector transforms. */
  protected void assertSameContent(ObjectNode written, Entity read) {
    Iterator<Map.Entry<String, JsonNode>> fields = written.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode actual = read.field(f.getKey());
      boolean same = f.getValue().isNumber() && actual.isNumber()
          ? f.getValue().decimalValue().compareTo(actual.decimalValue()) == 0
          : f.getValue().equals(actual);
      assertTrue(same, () -> "a record reads back with the content written: field " + f.getKey()
          + " of " + read + " expected " + f.getValue() + " but was " + actual);
    }
  }

  /** Closes the connector after a test. */
  protected void closeConnector(Connector connector) {
    connector.close();
  }

  /** The page size the read tests use. */
  protected int pageSize() {
    return 3;
  }

  /** How many records the read tests create. */
  protected int recordCount() {
    return 10;
  }

  /**
   * A top-level field whose text is unique among {@link #newRecordFields} records and that {@link
   * Connector#find} supports (e.g. an external id); empty skips the find test.
   */
  protected Optional<String> uniqueField() {
    return Optional.empty();
  }

  /** How many threads the concurrency test uses (default 4). */
  protected int concurrentThreads() {
    return 4;
  }

  /** An id no record has. */
  protected String unknownId() {
    return "999999999";
  }

  /** The connector of the running test. */
  protected final Connector connector() {
    return connector;
  }

  @BeforeEach
  public final void openConnector() {
    connector = newConnector();
    assertNotNull(connector, "newConnector() returns a connector");
    assertTrue(connector.capabilities().containsKey(entityType()), () -> "the connector serves "
        + entityType() + " (its capabilities list it): " + connector.capabilities().keySet());
  }

  @AfterEach
  public final void releaseConnector() {
    if (connector != null) {
      closeConnector(connector);
    }
  }

  @Test
  public void readChanges_allPagesFromBeginning_returnEveryRecordExactlyOnce() {
    List<String> ids = createRecords(recordCount());

    ChangeReader.Drained read = drain(Cursor.BEGINNING);

    String rule = "readChanges from the beginning returns every record exactly once across pages of "
        + pageSize();
    assertNoDuplicates(read.ids(), rule);
    assertContainsAll(read.ids(), ids, rule);
  }

  @Test
  public void readChanges_resumeFromSavedCursor_returnsTheRestExactlyOnce() {
    List<String> ids = createRecords(recordCount());
    Page first = connector.readChanges(entityType(), Cursor.BEGINNING, pageSize());
    assertTrue(first.hasMore(), () -> "a first page of " + pageSize() + " out of " + ids.size()
        + " records says hasMore");
    Cursor saved = Cursor.of(first.next().value());

    ChangeReader.Drained rest = drain(saved);

    List<String> all = new ArrayList<>(first.entities().stream().map(Entity::id).toList());
    all.addAll(rest.ids());
    String rule = "reading on from a saved cursor returns the rest exactly once";
    assertNoDuplicates(all, rule);
    assertContainsAll(all, ids, rule);
  }

  @Test
  public void readChanges_recordChangedAfterRead_appearsInNextReadWithLatestContent() {
    List<String> ids = createRecords(recordCount());
    Cursor end = drain(Cursor.BEGINNING).end();
    String id = ids.get(ids.size() / 2);
    ObjectNode change = changedFields(newRecordFields(ids.size() / 2));
    letTimePass();
    changeInRemote(connector, id, change);

    ChangeReader.Drained next = drain(end);

    List<Entity> changed = next.entities().stream().filter(e -> e.id().equals(id)).toList();
    assertEquals(1, changed.size(), () -> "a record changed after a read appears once in the next"
        + " read: " + id + " appeared " + changed.size() + " times");
    assertSameContent(change, changed.get(0));
  }

  @Test
  public void write_sameRequestRepeated_createsNothingNewAndReturnsSameTargetId() {
    requireWrite();
    WriteRequest request = upsert(Optional.empty(), newRecordFields(0));
    WriteResult first = writeOne(request);
    assertTrue(first.isSuccess(), () -> "a valid new record is created: " + first);
    OptionalInt before = visibleCount();

    WriteResult again = writeOne(request);

    assertTrue(again.isSuccess(), () -> "a repeated upsert succeeds: " + again);
    assertEquals(first.targetId(), again.targetId(),
        "a repeated upsert returns the target id of the first");
    assertEquals(before, visibleCount(), "a repeated upsert creates no new record");
  }

  @Test
  public void write_sameKeyOtherContent_neverCreatesASecondRecord() {
    requireWrite();
    ObjectNode fields = newRecordFields(0);
    String ref = sourceRef(7_000_001);
    WriteResult first = writeOne(WriteRequest.upsert(Optional.empty(), fields, ref, ref + "#k"));
    assertTrue(first.isSuccess(), () -> "a valid new record is created: " + first);
    OptionalInt before = visibleCount();

    writeOne(WriteRequest.upsert(Optional.empty(), changedFields(fields), ref, ref + "#k"));

    assertEquals(before, visibleCount(), "key reuse: an idempotency key sent again with other"
        + " content never creates a second record (refuse it, as BNG does with 409, or answer"
        + " with the first record)");
  }

  @Test
  public void write_recoveryOfAnEarlierCreate_updatesThatRecordInsteadOfCreatingAnother() {
    requireWrite();
    ObjectNode fields = newRecordFields(0);
    String ref = sourceRef(7_000_002);
    WriteResult created = writeOne(WriteRequest.upsert(Optional.empty(), fields, ref, ref + "#1"));
    assertTrue(created.isSuccess(), () -> "a valid new record is created: " + created);
    OptionalInt before = visibleCount();

    WriteResult recovered = writeOne(WriteRequest.builder().fields(changedFields(fields))
        .sourceRef(ref).idempotencyKey(ref + "#2").recovery(true).build());

    assertTrue(recovered.isSuccess(), () -> "recovery: a recovery request for a record an earlier"
        + " create made (other key, other content) succeeds: " + recovered);
    assertEquals(created.targetId(), recovered.targetId(), "recovery: a recovery request finds"
        + " the record the earlier create made by the connector's idempotent path (external id,"
        + " stored reference, natural key) and updates it");
    assertEquals(before, visibleCount(), "recovery: a recovery request creates no new record");
  }

  @Test
  public void write_changedFieldsWithTargetId_updatesThatRecord() {
    requireWrite();
    String id = createRecords(1).get(0);
    ObjectNode change = changedFields(newRecordFields(0));

    WriteResult result = writeOne(upsert(Optional.of(id), change));

    assertEquals(WriteResult.Status.UPDATED, result.status(),
        () -> "an upsert with a target id and changed fields updates that record: " + result);
    assertEquals(Optional.of(id), result.targetId(),
        "an update returns the target id it was given");
    requireRead();
    assertSameContent(change, getExisting(id));
  }

  @Test
  public void write_unknownTargetId_failedResultNotException() {
    requireWrite();

    WriteResult result = writeOne(upsert(Optional.of(unknownId()), newRecordFields(0)));

    assertEquals(WriteResult.Status.FAILED, result.status(),
        () -> "an update of an unknown target id is a FAILED result, not an exception: " + result);
    assertTrue(result.error().isPresent(), () -> "a FAILED result carries its error: " + result);
  }

  @Test
  public void write_batch_oneResultPerRequestInOrder() {
    requireWrite();
    int n = Math.min(capabilities().maxBatchSize(), 4);
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(upsert(Optional.empty(), newRecordFields(i)));
    }

    List<WriteResult> results = connector.write(entityType(), batch);

    assertEquals(n, results.size(), "write returns one result per request");
    results.forEach(r -> assertTrue(r.isSuccess(),
        () -> "every valid record of a batch is written: " + r));
    assertNoDuplicates(results.stream().map(ConnectorContractTest::targetId).toList(),
        "distinct new records of one batch get distinct target ids");
    requireRead();
    for (int i = 0; i < n; i++) {
      String id = targetId(results.get(i));
      assertSameContent(newRecordFields(i), getExisting(id));
    }
  }

  @Test
  public void write_batchWithInvalidRecord_onlyThatRecordFailsWithClassifiedError() {
    requireWrite();
    assumeTrue(capabilities().maxBatchSize() >= 3, "needs batches of 3");
    Optional<ObjectNode> invalid = invalidRecordFields();
    assumeTrue(invalid.isPresent(), "no invalidRecordFields() given");

    List<WriteResult> results = connector.write(entityType(), List.of(
        upsert(Optional.empty(), newRecordFields(0)), upsert(Optional.empty(), invalid.get()),
        upsert(Optional.empty(), newRecordFields(1))));

    assertEquals(3, results.size(), "write returns one result per request");
    assertEquals(List.of(true, false, true), results.stream().map(WriteResult::isSuccess).toList(),
        () -> "only the invalid record of a batch fails, the others are written: " + results);
    WriteResult failed = results.get(1);
    assertTrue(failed.error().isPresent(), () -> "a FAILED result carries its error: " + failed);
    assertNotNull(failed.error().get().kind(), "a record error is classified (has a kind)");
    assertFalse(failed.error().get().code().isBlank(), () -> "a record error has a code: " + failed);
  }

  @Test
  public void write_deleteExisting_removesRecord() {
    requireWrite();
    assumeTrue(capabilities().delete(), "no delete capability");
    String id = createRecords(1).get(0);

    WriteResult result = writeOne(WriteRequest.delete(id, sourceRef(-1), "contract-delete-" + id));

    assertEquals(WriteResult.Status.DELETED, result.status(),
        () -> "a delete of an existing record is DELETED: " + result);
    requireRead();
    assertEquals(Optional.empty(), connector.get(entityType(), id),
        "a deleted record is gone from get");
  }

  @Test
  public void write_concurrentCallsFromSeveralThreads_eachRecordCreatedOnceAndReadable() {
    requireWrite();
    int threads = concurrentThreads();
    String[] idOf = new String[threads];
    int first = created;
    created += threads;

    Concurrently.run(threads, t -> {
      WriteResult result = writeOne(upsert(Optional.empty(), newRecordFields(first + t)));
      assertTrue(result.isSuccess(), () -> "a connector is thread-safe: a write from one of "
          + threads + " concurrent threads succeeds: " + result);
      idOf[t] = targetId(result);
    });

    assertNoDuplicates(List.of(idOf),
        "a connector is thread-safe: concurrent writes of distinct new records get distinct ids");
    requireRead();
    Concurrently.run(threads, t -> assertSameContent(newRecordFields(first + t), getExisting(idOf[t])));
  }

  @Test
  public void get_unknownId_isEmpty() {
    requireRead();

    assertEquals(Optional.empty(), connector.get(entityType(), unknownId()),
        "get of an unknown id is empty, not an exception");
  }

  @Test
  public void get_createdRecord_returnsItsContent() {
    requireRead();
    String id = createRecords(1).get(0);

    Entity read = getExisting(id);

    assertEquals(id, read.id(), "get returns the record with the id asked for");
    assertSameContent(newRecordFields(0), read);
  }

  @Test
  public void find_uniqueFieldValue_returnsExactlyThatRecord() {
    requireRead();
    Optional<String> field = uniqueField();
    assumeTrue(field.isPresent(), "no uniqueField() given");
    List<String> ids = createRecords(3);
    String value = newRecordFields(1).path(field.get()).asText();

    List<Entity> found = connector.find(entityType(), field.get(), value);

    assertEquals(List.of(ids.get(1)), found.stream().map(Entity::id).toList(),
        () -> "find by a unique field returns exactly the record with that value ("
            + field.get() + " = " + value + ")");
  }

  @Test
  public void call_transientFailure_throwsTransientException() {
    assertFailureKind(ErrorKind.TRANSIENT, TransientException.class);
  }

  @Test
  public void call_rateLimited_throwsRateLimitedException() {
    assertFailureKind(ErrorKind.RATE_LIMITED, RateLimitedException.class);
  }

  @Test
  public void call_authenticationFailure_throwsAuthenticationException() {
    assertFailureKind(ErrorKind.AUTHENTICATION, AuthenticationException.class);
  }

  @Test
  public void call_permanentFailure_throwsPermanentException() {
    assertFailureKind(ErrorKind.PERMANENT, PermanentException.class);
  }

  private void assertFailureKind(ErrorKind kind, Class<? extends ConnectorException> type) {
    assumeTrue(failNextCall(connector, kind), "failNextCall cannot arrange " + kind);

    RuntimeException thrown = null;
    try {
      if (capabilities().incrementalRead()) {
        connector.readChanges(entityType(), Cursor.BEGINNING, pageSize());
      } else {
        connector.get(entityType(), unknownId());
      }
    } catch (RuntimeException e) {
      thrown = e;
    }

    RuntimeException actual = thrown;
    assertNotNull(actual, () -> "a call whose remote fails with " + kind + " throws");
    ConnectorException e = assertInstanceOf(type, actual,
        () -> "a " + kind + " failure is thrown as " + type.getSimpleName() + ", was " + actual);
    assertEquals(kind, e.kind(), "the exception's kind is the failure's kind");
    assertEquals(kind.isRetryable(), e.isRetryable(),
        () -> "a " + kind + " failure is retryable exactly when its kind is");
  }

  private List<String> createRecords(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      letTimePass();
      ids.add(createInRemote(connector, newRecordFields(created + i)));
    }
    created += n;
    assertNoDuplicates(ids, "distinct new records get distinct ids");
    return ids;
  }

  private ChangeReader.Drained drain(Cursor from) {
    assumeTrue(capabilities().incrementalRead(), "no incremental read capability");
    return ChangeReader.drain(connector, entityType(), from, pageSize());
  }

  /** Records visible through a full read from the beginning; empty if the type has no such read. */
  private OptionalInt visibleCount() {
    return capabilities().incrementalRead()
        ? OptionalInt.of(drain(Cursor.BEGINNING).entities().size())
        : OptionalInt.empty();
  }

  private WriteResult writeOne(WriteRequest request) {
    requireWrite();
    List<WriteResult> results = connector.write(entityType(), List.of(request));
    assertEquals(1, results.size(), "write returns one result per request");
    return results.get(0);
  }

  private WriteRequest upsert(Optional<String> targetId, ObjectNode fields) {
    String ref = sourceRef(fields.toString().hashCode());
    String key = ref + "#" + targetId.orElse("") + "#" + Integer.toHexString(
        fields.toString().hashCode());
    return WriteRequest.upsert(targetId, fields, ref, key);
  }

  private Entity getExisting(String id) {
    return connector.get(entityType(), id)
        .orElseGet(() -> fail("get finds a record just written: " + id));
  }

  private static String targetId(WriteResult result) {
    return result.targetId().orElseGet(
        () -> fail("a successful write returns the target id: " + result));
  }

  private static void assertNoDuplicates(List<String> ids, String rule) {
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    ids.forEach(id -> {
      if (!seen.add(id)) {
        repeated.add(id);
      }
    });
    assertTrue(repeated.isEmpty(), () -> rule + ": repeated " + repeated);
  }

  private static void assertContainsAll(List<String> actual, List<String> expected, String rule) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(new HashSet<>(actual));
    assertTrue(missing.isEmpty(), () -> rule + ": missing " + missing);
  }

  private String sourceRef(int n) {
    return "contract:" + entityType() + ":" + n;
  }

  private Capabilities capabilities() {
    return connector.capabilities(entityType());
  }

  private void requireWrite() {
    assumeTrue(capabilities().write(), "no write capability");
  }

  private void requireRead() {
    assumeTrue(capabilities().lookup(), "no read capability");
  }
}
