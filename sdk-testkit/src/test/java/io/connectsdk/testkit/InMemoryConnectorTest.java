package io.connectsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Json;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.spi.WriteResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryConnectorTest {
  private static final EntityType CUSTOMER = EntityType.CUSTOMER;
  private final FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
  private final InMemoryConnector connector = InMemoryConnector.builder()
      .system("crm")
      .type(CUSTOMER, Capabilities.readWrite(50).withDelete().toBuilder().versions().build())
      .type(EntityType.ITEM, Capabilities.readOnly())
      .naturalKey(CUSTOMER, "external_id")
      .clock(clock)
      .build();

  static ObjectNode fields(String externalId, String name) {
    ObjectNode f = Json.object();
    if (externalId != null) {
      f.put("external_id", externalId);
    }
    f.put("name", name);
    return f;
  }

  static WriteRequest upsert(ObjectNode fields, String key) {
    return WriteRequest.upsert(Optional.empty(), fields, "src:customer:" + key, key);
  }

  private WriteResult writeOne(WriteRequest request) {
    List<WriteResult> results = connector.write(CUSTOMER, List.of(request));
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  @Test
  void write_newRecord_createsWithPrefixedIdVersionAndClockTime() {
    WriteResult result = writeOne(upsert(fields("E1", "Ada"), "k1"));

    assertThat(result.status()).isEqualTo(Status.CREATED);
    assertThat(result.targetId()).contains("cus_1");
    Entity stored = connector.record(CUSTOMER, "cus_1").orElseThrow();
    assertThat(stored.text("name")).contains("Ada");
    assertThat(stored.version()).hasValue(1);
    assertThat(stored.updatedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    assertThat(stored.origin()).isEqualTo("crm");
    assertThat(result.record()).contains(stored);
  }

  @Test
  void write_targetIdWithChangedFields_updatesMergesAndBumpsVersion() {
    writeOne(upsert(fields("E1", "Ada"), "k1"));
    clock.advance(Duration.ofMinutes(1));
    ObjectNode change = Json.object().put("city", "London");

    WriteResult result = writeOne(
        WriteRequest.upsert(Optional.of("cus_1"), change, "src:customer:1", "k2"));

    assertThat(result.status()).isEqualTo(Status.UPDATED);
    Entity stored = connector.record(CUSTOMER, "cus_1").orElseThrow();
    assertThat(stored.text("name")).contains("Ada");
    assertThat(stored.text("city")).contains("London");
    assertThat(stored.version()).hasValue(2);
    assertThat(stored.updatedAt()).isEqualTo(Instant.parse("2026-11-22T10:01:00Z"));
    assertThat(connector.changeLog()).extracting(ChangeLogEntry::status)
        .containsExactly(Status.CREATED, Status.UPDATED);
  }

  @Test
  void write_sameContent_unchangedWithoutVersionBumpOrChange() {
    writeOne(upsert(fields("E1", "Ada"), "k1"));

    WriteResult result = writeOne(
        WriteRequest.upsert(Optional.of("cus_1"), fields("E1", "Ada"), "src:customer:1", "k9"));

    assertThat(result.status()).isEqualTo(Status.UNCHANGED);
    assertThat(connector.record(CUSTOMER, "cus_1").orElseThrow().version()).hasValue(1);
    assertThat(connector.changeLog()).hasSize(1);
    assertThat(connector.stats().unchanged()).isEqualTo(1);
  }

  @Test
  void write_unknownTargetId_failedNotFoundResult() {
    WriteResult result = writeOne(
        WriteRequest.upsert(Optional.of("cus_404"), fields("E1", "Ada"), "src:customer:1", "k"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error().orElseThrow().code()).isEqualTo("NOT_FOUND");
    assertThat(result.error().orElseThrow().kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(connector.count(CUSTOMER)).isZero();
    assertThat(connector.stats().failedResults()).isEqualTo(1);
  }

  @Test
  void write_existingNaturalKeyWithoutTargetId_updatesThatRecord() {
    writeOne(upsert(fields("E1", "Ada"), "k1"));

    WriteResult result = writeOne(upsert(fields("E1", "Ada Lovelace"), "k2"));

    assertThat(result.status()).isEqualTo(Status.UPDATED);
    assertThat(result.targetId()).contains("cus_1");
    assertThat(connector.count(CUSTOMER)).isEqualTo(1);
  }

  @Test
  void write_repeatedIdempotencyKeyWithoutNaturalKey_returnsFirstResultAndCreatesNothing() {
    WriteResult first = writeOne(upsert(fields(null, "Ada"), "k1"));

    WriteResult again = writeOne(upsert(fields(null, "Ada"), "k1"));

    assertThat(again).isEqualTo(first);
    assertThat(connector.count(CUSTOMER)).isEqualTo(1);
    assertThat(connector.stats().created()).isEqualTo(1);
    assertThat(connector.stats().replayed()).isEqualTo(1);
  }

  @Test
  void write_differentIdempotencyKeysWithoutNaturalKey_createsTwoRecords() {
    writeOne(upsert(fields(null, "Ada"), "k1"));
    writeOne(upsert(fields(null, "Ada"), "k2"));

    assertThat(connector.records(CUSTOMER)).extracting(Entity::id).containsExactly("cus_1", "cus_2");
  }

  @Test
  void write_staleIfMatch_conflictCarryingCurrentRecord() {
    writeOne(upsert(fields("E1", "Ada"), "k1"));
    WriteRequest stale = WriteRequest.builder().targetId("cus_1").fields(fields("E1", "Bob"))
        .sourceRef("src:customer:1").idempotencyKey("k2").ifMatch(Optional.of("7")).build();

    WriteResult result = writeOne(stale);

    assertThat(result.status()).isEqualTo(WriteResult.Status.CONFLICT);
    assertThat(result.record()).hasValueSatisfying(e -> assertThat(e.text("name")).contains("Ada"));
    assertThat(result.version()).contains("1");
    assertThat(connector.record(CUSTOMER, "cus_1").orElseThrow().text("name")).contains("Ada");

    WriteResult current = writeOne(stale.toBuilder().ifMatch(result.version()).build());
    assertThat(current.status()).isEqualTo(WriteResult.Status.UPDATED);
  }

  @Test
  void write_strictKeysSameKeyOtherContent_rejectedSameContentReplayed() {
    InMemoryConnector strict = InMemoryConnector.builder().type(CUSTOMER)
        .strictIdempotencyKeys().clock(clock).build();
    WriteRequest first = WriteRequest.upsert(Optional.empty(), fields(null, "Ada"), "s:c:1", "k");
    strict.write(CUSTOMER, List.of(first));

    WriteResult replay = strict.write(CUSTOMER, List.of(first)).get(0);
    WriteResult reused = strict.write(CUSTOMER, List.of(
        WriteRequest.upsert(Optional.empty(), fields(null, "Bob"), "s:c:1", "k"))).get(0);

    assertThat(replay.status()).isEqualTo(WriteResult.Status.CREATED);
    assertThat(reused.error().orElseThrow().code()).isEqualTo("IdempotencyConflict");
    assertThat(strict.count(CUSTOMER)).isEqualTo(1);
  }

  @Test
  void write_recoveryRequest_updatesTheRecordMadeForItsSourceRef() {
    InMemoryConnector strict = InMemoryConnector.builder().type(CUSTOMER)
        .strictIdempotencyKeys().clock(clock).build();
    strict.write(CUSTOMER, List.of(
        WriteRequest.upsert(Optional.empty(), fields(null, "Ada"), "s:c:1", "k1")));

    WriteResult recovered = strict.write(CUSTOMER, List.of(WriteRequest.builder()
        .fields(fields(null, "Ada B")).sourceRef("s:c:1").idempotencyKey("k2").recovery(true)
        .build())).get(0);

    assertThat(recovered.status()).isEqualTo(WriteResult.Status.UPDATED);
    assertThat(strict.records(CUSTOMER)).singleElement()
        .satisfies(e -> assertThat(e.text("name")).contains("Ada B"));
  }

  @Test
  void readChanges_tombstonesCapability_listsDeletedRecordOnce() {
    InMemoryConnector withTombstones = InMemoryConnector.builder().type(CUSTOMER,
        Capabilities.readWrite(10).withDelete().toBuilder().tombstones().build()).build();
    withTombstones.write(CUSTOMER, List.of(upsert(fields("E1", "Ada"), "k1")));
    withTombstones.write(CUSTOMER, List.of(WriteRequest.delete("cus_1", "src:customer:1", "d1")));

    Page page = withTombstones.readChanges(CUSTOMER, Cursor.BEGINNING, 10);

    assertThat(page.entities()).singleElement().satisfies(e -> {
      assertThat(e.deleted()).isTrue();
      assertThat(e.id()).isEqualTo("cus_1");
    });
  }

  @Test
  void write_delete_removesRecordAndRepeatIsStillDeleted() {
    writeOne(upsert(fields("E1", "Ada"), "k1"));

    WriteResult deleted = writeOne(WriteRequest.delete("cus_1", "src:customer:1", "d1"));
    WriteResult again = writeOne(WriteRequest.delete("cus_1", "src:customer:1", "d1"));

    assertThat(deleted.status()).isEqualTo(Status.DELETED);
    assertThat(again.status()).isEqualTo(Status.DELETED);
    assertThat(connector.count(CUSTOMER)).isZero();
    assertThat(connector.stats().deleted()).isEqualTo(1);
    assertThat(connector.readChanges(CUSTOMER, Cursor.BEGINNING, 10).entities()).isEmpty();
  }

  @Test
  void write_deleteUnknownId_failedNotFound() {
    WriteResult result = writeOne(WriteRequest.delete("cus_9", "src:customer:9", "d"));

    assertThat(result.error().orElseThrow().code()).isEqualTo("NOT_FOUND");
  }

  @Test
  void write_deleteWithoutDeleteCapability_failedResult() {
    InMemoryConnector noDelete = InMemoryConnector.builder().type(CUSTOMER).build();
    noDelete.seed(Entity.builder(CUSTOMER, "c1").field("name", "Ada").build());

    WriteResult result = noDelete.write(CUSTOMER,
        List.of(WriteRequest.delete("c1", "src:customer:1", "d"))).get(0);

    assertThat(result.error().orElseThrow().code()).isEqualTo("DeleteNotSupported");
    assertThat(noDelete.count(CUSTOMER)).isEqualTo(1);
  }

  @Test
  void write_readOnlyType_throwsPermanent() {
    assertThatThrownBy(() -> connector.write(EntityType.ITEM,
        List.of(upsert(fields(null, "x"), "k"))))
        .isInstanceOf(PermanentException.class);
    assertThat(connector.stats().thrown()).isEqualTo(1);
  }

  @Test
  void write_batchLargerThanMax_throwsIllegalArgument() {
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      batch.add(upsert(fields("E" + i, "n"), "k" + i));
    }

    assertThatThrownBy(() -> connector.write(CUSTOMER, batch))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBatchSize 50");
    assertThat(connector.count(CUSTOMER)).isZero();
  }

  @Test
  void write_unknownType_throwsIllegalArgument() {
    assertThatThrownBy(() -> connector.write(EntityType.VENDOR, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vendor");
  }

  @Test
  void readChanges_pagesOfThree_everyRecordOnceInChangeOrderWithCorrectHasMore() {
    for (int i = 1; i <= 7; i++) {
      writeOne(upsert(fields("E" + i, "n" + i), "k" + i));
    }

    Page p1 = connector.readChanges(CUSTOMER, Cursor.BEGINNING, 3);
    Page p2 = connector.readChanges(CUSTOMER, p1.next(), 3);
    Page p3 = connector.readChanges(CUSTOMER, p2.next(), 3);

    assertThat(p1.entities()).extracting(Entity::id).containsExactly("cus_1", "cus_2", "cus_3");
    assertThat(p2.entities()).extracting(Entity::id).containsExactly("cus_4", "cus_5", "cus_6");
    assertThat(p3.entities()).extracting(Entity::id).containsExactly("cus_7");
    assertThat(List.of(p1.hasMore(), p2.hasMore(), p3.hasMore())).containsExactly(true, true, false);
  }

  @Test
  void readChanges_exactlyFullLastPage_hasMoreFalse() {
    for (int i = 1; i <= 3; i++) {
      writeOne(upsert(fields("E" + i, "n"), "k" + i));
    }

    Page page = connector.readChanges(CUSTOMER, Cursor.BEGINNING, 3);

    assertThat(page.size()).isEqualTo(3);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void readChanges_recordChangedTwiceAfterRead_appearsOnceWithLatestState() {
    writeOne(upsert(fields("E1", "a"), "k1"));
    writeOne(upsert(fields("E2", "b"), "k2"));
    Cursor saved = connector.readChanges(CUSTOMER, Cursor.BEGINNING, 10).next();
    writeOne(upsert(fields("E1", "a2"), "k3"));
    writeOne(upsert(fields("E1", "a3"), "k4"));

    Page next = connector.readChanges(CUSTOMER, Cursor.of(saved.value()), 10);

    assertThat(next.entities()).singleElement()
        .satisfies(e -> assertThat(e.text("name")).contains("a3"));
    assertThat(connector.readChanges(CUSTOMER, next.next(), 10).entities()).isEmpty();
  }

  @Test
  void readChanges_drained_returnsEmptyPageWithSameCursor() {
    writeOne(upsert(fields("E1", "a"), "k1"));
    Cursor end = connector.readChanges(CUSTOMER, Cursor.BEGINNING, 10).next();

    Page page = connector.readChanges(CUSTOMER, end, 10);

    assertThat(page.entities()).isEmpty();
    assertThat(page.next()).isEqualTo(end);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void readChanges_foreignCursor_throwsIllegalArgument() {
    assertThatThrownBy(() -> connector.readChanges(CUSTOMER, Cursor.of("2026-01-01"), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readChanges_withoutIncrementalRead_throwsPermanent() {
    InMemoryConnector c = InMemoryConnector.builder()
        .type(CUSTOMER, Capabilities.readWrite(5).withoutIncrementalRead()).build();

    assertThatThrownBy(() -> c.readChanges(CUSTOMER, Cursor.BEGINNING, 1))
        .isInstanceOf(PermanentException.class);
  }

  @Test
  void seed_newAndChangedRecords_storedAndReadableAsChanges() {
    connector.seed(Entity.builder(EntityType.ITEM, "A-1").field("sku", "A-1").build(),
        Entity.builder(EntityType.ITEM, "A-2").field("sku", "A-2").build());
    connector.put(Entity.builder(EntityType.ITEM, "A-1").field("sku", "A-1b").build());

    assertThat(connector.count(EntityType.ITEM)).isEqualTo(2);
    assertThat(connector.record(EntityType.ITEM, "A-1").orElseThrow().version()).hasValue(2);
    assertThat(connector.readChanges(EntityType.ITEM, Cursor.BEGINNING, 10).entities())
        .extracting(Entity::id).containsExactly("A-2", "A-1");
    assertThat(connector.stats().calls(ConnectorOperation.WRITE)).isZero();
  }

  @Test
  void write_afterSeedingGeneratedIdPattern_skipsTakenIds() {
    connector.seed(Entity.builder(CUSTOMER, "cus_1").field("name", "seeded").build());

    WriteResult result = writeOne(upsert(fields("E1", "Ada"), "k1"));

    assertThat(result.targetId()).contains("cus_2");
  }

  @Test
  void find_topLevelFieldText_returnsExactMatchesOnly() {
    writeOne(upsert(fields("E1", "Ada"), "k1"));
    writeOne(upsert(fields("E10", "Bob"), "k2"));

    assertThat(connector.find(CUSTOMER, "external_id", "E1")).extracting(Entity::id)
        .containsExactly("cus_1");
    assertThat(connector.find(CUSTOMER, "external_id", "E")).isEmpty();
  }

  @Test
  void get_unknownId_isEmpty() {
    assertThat(connector.get(CUSTOMER, "cus_1")).isEmpty();
    assertThat(connector.stats().getCalls()).isEqualTo(1);
  }

  @Test
  void remove_existingRecord_deletedAndLogged() {
    writeOne(upsert(fields("E1", "Ada"), "k1"));

    assertThat(connector.remove(CUSTOMER, "cus_1")).isTrue();
    assertThat(connector.remove(CUSTOMER, "cus_1")).isFalse();
    assertThat(connector.changeLog()).extracting(ChangeLogEntry::status)
        .containsExactly(Status.CREATED, Status.DELETED);
  }

  @Test
  void stats_mixedCalls_countsEachOperation() {
    writeOne(upsert(fields("E1", "Ada"), "k1"));
    connector.get(CUSTOMER, "cus_1");
    connector.find(CUSTOMER, "name", "Ada");
    connector.readChanges(CUSTOMER, Cursor.BEGINNING, 5);
    connector.readChanges(CUSTOMER, Cursor.BEGINNING, 5);

    ConnectorStats stats = connector.stats();
    assertThat(stats).isEqualTo(new ConnectorStats(2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0));
    assertThat(stats.changes()).isEqualTo(1);
  }

  @Test
  void write_concurrentCreatesFromFourThreads_everyRecordCreatedOnceWithUniqueIds()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 250; i++) {
            String key = thread + "-" + i;
            connector.write(CUSTOMER, List.of(upsert(fields("E" + key, "n"), key)));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(connector.count(CUSTOMER)).isEqualTo(1000);
    assertThat(connector.records(CUSTOMER)).extracting(Entity::id).doesNotHaveDuplicates();
    assertThat(connector.stats().created()).isEqualTo(1000);
    List<Entity> all = new ArrayList<>();
    Cursor cursor = Cursor.BEGINNING;
    Page page;
    do {
      page = connector.readChanges(CUSTOMER, cursor, 64);
      all.addAll(page.entities());
      cursor = page.next();
    } while (page.hasMore());
    assertThat(all).hasSize(1000).extracting(Entity::id).doesNotHaveDuplicates();
  }

  @Test
  void builder_naturalKeyForUndeclaredType_throwsIllegalState() {
    assertThatThrownBy(() -> InMemoryConnector.builder().type(CUSTOMER)
        .naturalKey(EntityType.ITEM, "sku").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("item");
  }

  @Test
  void builder_noTypes_throwsIllegalState() {
    assertThatThrownBy(() -> InMemoryConnector.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }
}
