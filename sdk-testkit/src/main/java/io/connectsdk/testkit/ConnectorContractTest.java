package io.connectsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
 * (e.g. a simulator's seed data): the tests only reason about the records they create.
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
    assertThat(result.isSuccess()).as("creating a record: %s", result).isTrue();
    return result.targetId().orElseThrow();
  }

  /** Changes a record in the remote; the default writes through the connector. */
  protected void changeInRemote(Connector connector, String id, ObjectNode fields) {
    WriteResult result = writeOne(upsert(Optional.of(id), fields));
    assertThat(result.isSuccess()).as("changing record %s: %s", id, result).isTrue();
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
      assertThat(same).as("field %s of %s: expected %s but was %s", f.getKey(), read,
          f.getValue(), actual).isTrue();
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
    assertThat(connector).as("newConnector()").isNotNull();
    assertThat(connector.capabilities()).as("capabilities").containsKey(entityType());
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

    assertThat(read.ids()).as("ids read across pages of %d", pageSize()).doesNotHaveDuplicates()
        .containsAll(ids);
  }

  @Test
  public void readChanges_resumeFromSavedCursor_returnsTheRestExactlyOnce() {
    List<String> ids = createRecords(recordCount());
    Page first = connector.readChanges(entityType(), Cursor.BEGINNING, pageSize());
    assertThat(first.hasMore()).as("more than one page").isTrue();
    Cursor saved = Cursor.of(first.next().value());

    ChangeReader.Drained rest = drain(saved);

    List<String> all = new ArrayList<>(first.entities().stream().map(Entity::id).toList());
    all.addAll(rest.ids());
    assertThat(all).doesNotHaveDuplicates().containsAll(ids);
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
    assertThat(changed).as("the changed record %s in the next read", id).hasSize(1);
    assertSameContent(change, changed.get(0));
  }

  @Test
  public void write_sameRequestRepeated_createsNothingNewAndReturnsSameTargetId() {
    requireWrite();
    WriteRequest request = upsert(Optional.empty(), newRecordFields(0));
    WriteResult first = writeOne(request);
    assertThat(first.isSuccess()).as("first write %s", first).isTrue();
    OptionalInt before = visibleCount();

    WriteResult again = writeOne(request);

    assertThat(again.isSuccess()).as("repeated write %s", again).isTrue();
    assertThat(again.targetId()).as("target id of the repeat").isEqualTo(first.targetId());
    assertThat(visibleCount()).as("records visible after the repeat").isEqualTo(before);
  }

  @Test
  public void write_changedFieldsWithTargetId_updatesThatRecord() {
    requireWrite();
    String id = createRecords(1).get(0);
    ObjectNode change = changedFields(newRecordFields(0));

    WriteResult result = writeOne(upsert(Optional.of(id), change));

    assertThat(result.status()).as("status of %s", result).isEqualTo(WriteResult.Status.UPDATED);
    assertThat(result.targetId()).contains(id);
    requireRead();
    assertSameContent(change, connector.get(entityType(), id).orElseThrow());
  }

  @Test
  public void write_unknownTargetId_failedResultNotException() {
    requireWrite();

    WriteResult result = writeOne(upsert(Optional.of(unknownId()), newRecordFields(0)));

    assertThat(result.status()).isEqualTo(WriteResult.Status.FAILED);
    assertThat(result.error()).isPresent();
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

    assertThat(results).hasSize(n).allSatisfy(r -> assertThat(r.isSuccess()).as("%s", r).isTrue());
    assertThat(results).extracting(r -> r.targetId().orElseThrow()).doesNotHaveDuplicates();
    requireRead();
    for (int i = 0; i < n; i++) {
      String id = results.get(i).targetId().orElseThrow();
      assertSameContent(newRecordFields(i), connector.get(entityType(), id).orElseThrow());
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

    assertThat(results).hasSize(3);
    assertThat(results).extracting(WriteResult::isSuccess).containsExactly(true, false, true);
    assertThat(results.get(1).error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isNotNull();
      assertThat(e.code()).isNotBlank();
    });
  }

  @Test
  public void write_deleteExisting_removesRecord() {
    requireWrite();
    assumeTrue(capabilities().delete(), "no delete capability");
    String id = createRecords(1).get(0);

    WriteResult result = writeOne(WriteRequest.delete(id, sourceRef(-1), "contract-delete-" + id));

    assertThat(result.status()).isEqualTo(WriteResult.Status.DELETED);
    requireRead();
    assertThat(connector.get(entityType(), id)).isEmpty();
  }

  @Test
  public void get_unknownId_isEmpty() {
    requireRead();

    assertThat(connector.get(entityType(), unknownId())).isEmpty();
  }

  @Test
  public void get_createdRecord_returnsItsContent() {
    requireRead();
    String id = createRecords(1).get(0);

    Entity read = connector.get(entityType(), id).orElseThrow();

    assertThat(read.id()).isEqualTo(id);
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

    assertThat(found).extracting(Entity::id).containsExactly(ids.get(1));
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

    Throwable thrown = catchThrowable(() -> {
      if (capabilities().incrementalRead()) {
        connector.readChanges(entityType(), Cursor.BEGINNING, pageSize());
      } else {
        connector.get(entityType(), unknownId());
      }
    });

    assertThat(thrown).as("failure of the next call").isInstanceOf(type);
    assertThat(((ConnectorException) thrown).kind()).isEqualTo(kind);
    assertThat(((ConnectorException) thrown).isRetryable()).isEqualTo(kind.isRetryable());
  }

  private List<String> createRecords(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      letTimePass();
      ids.add(createInRemote(connector, newRecordFields(created + i)));
    }
    created += n;
    assertThat(ids).as("ids of created records").doesNotHaveDuplicates();
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
    assertThat(results).as("results of one request").hasSize(1);
    return results.get(0);
  }

  private WriteRequest upsert(Optional<String> targetId, ObjectNode fields) {
    String ref = sourceRef(fields.toString().hashCode());
    String key = ref + "#" + targetId.orElse("") + "#" + Integer.toHexString(
        fields.toString().hashCode());
    return WriteRequest.upsert(targetId, fields, ref, key);
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
