package io.connectsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine harness really moves every record once, so its records/s figure means something. */
class EngineHarnessTest {

  @Test
  void readChanges_allPages_everyRecordExactlyOnceInOrder() {
    GeneratingSource source = new GeneratingSource(1234);
    List<String> ids = new ArrayList<>();
    Cursor cursor = Cursor.BEGINNING;
    Page page;
    do {
      page = source.readChanges(EntityType.CUSTOMER, cursor, 500);
      page.entities().forEach(e -> ids.add(e.id()));
      cursor = page.next();
    } while (page.hasMore());

    assertThat(ids).hasSize(1234).doesNotHaveDuplicates();
    assertThat(ids.get(0)).isEqualTo("cus_0");
    assertThat(ids.get(1233)).isEqualTo("cus_1233");
    assertThat(source.readChanges(EntityType.CUSTOMER, cursor, 500).entities()).isEmpty();
  }

  @Test
  void get_sameIndex_sameRecordAsPage() {
    GeneratingSource source = new GeneratingSource(10);
    Entity fromPage = source.readChanges(EntityType.CUSTOMER, Cursor.of("7"), 1).entities().get(0);

    assertThat(source.get(EntityType.CUSTOMER, "cus_7")).contains(fromPage);
    assertThat(source.get(EntityType.CUSTOMER, "cus_10")).isEmpty();
    assertThat(source.get(EntityType.CUSTOMER, "other")).isEmpty();
  }

  @Test
  void readChanges_foreignCursor_isRejected() {
    GeneratingSource source = new GeneratingSource(10);

    assertThatThrownBy(() -> source.readChanges(EntityType.CUSTOMER, Cursor.of("abc"), 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("abc");
  }

  @Test
  void write_batchAboveMaximum_isRejected() {
    CountingTarget target = new CountingTarget(2);
    List<WriteRequest> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      three.add(WriteRequest.upsert(Optional.empty(), BngData.customer(i), "bng:customer:" + i,
          "k" + i));
    }

    assertThatThrownBy(() -> target.write(EntityType.CUSTOMER, three))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(target.write(EntityType.CUSTOMER, three.subList(0, 2))).hasSize(2);
    assertThat(target.writes()).isEqualTo(2);
  }

  @Test
  void syncJob_nullStores_writesEveryRecordOnceInBatches() {
    CountingTarget target = new CountingTarget(200);
    SyncJob job = SyncJob.builder("harness")
        .source(new GeneratingSource(1_100), EntityType.CUSTOMER)
        .mapping(Fixtures.customerMapping())
        .target(target, EntityType.CUSTOMER)
        .stores(Stores.builder().keyMap(new NullKeyMap()).ledger(new NullWriteLedger()).build())
        .pageSize(500)
        .build();

    SyncResult result = job.runOnce();

    assertThat(result.created()).isEqualTo(1_100);
    assertThat(result.deadLettered()).isZero();
    assertThat(target.writes()).isEqualTo(1_100);
    // pages of 500, 500, 100 in batches of at most 200: 3 + 3 + 1 calls
    assertThat(target.calls()).isEqualTo(7);
  }

  @Test
  void syncJob_secondRun_resumesFromCheckpointAndWritesNothing() {
    CountingTarget target = new CountingTarget(200);
    Stores stores = Stores.inMemory();
    SyncJob job = SyncJob.builder("harness-twice")
        .source(new GeneratingSource(300), EntityType.CUSTOMER)
        .mapping(Fixtures.customerMapping())
        .target(target, EntityType.CUSTOMER)
        .stores(stores)
        .pageSize(100)
        .build();
    job.runOnce();

    SyncResult second = job.runOnce();

    assertThat(target.writes()).isEqualTo(300);
    assertThat(second.read()).isZero();
    assertThat(second.created() + second.updated()).isZero();
    assertThat(job.checkpoint()).isPresent();
  }

  @Test
  void customers_externalIds_distinct() {
    Set<String> distinct = new HashSet<>();
    for (int n = 0; n < 300; n++) {
      distinct.add(BngData.customer(n).get("external_id").asText());
    }
    assertThat(distinct).hasSize(300);
  }
}
