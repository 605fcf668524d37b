package io.connectsdk.bng;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.simulators.base.SimFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeReaderTest {
  private final TestBng bng = TestBng.start();

  @AfterEach
  void stop() {
    bng.close();
  }

  private void seed(int from, int n) {
    for (int i = from; i < from + n; i++) {
      bng.sim.seed("customers", Json.object().put("external_id", "E" + i)
          .put("company_name", "Company " + i));
    }
  }

  /** Reads pages until the stream is drained or {@code maxPages} were read; returns the cursor. */
  private Cursor read(BngConnector c, Cursor from, int maxPages, List<String> ids) {
    Cursor cursor = from;
    for (int i = 0; i < maxPages; i++) {
      Page page = c.readChanges(EntityType.CUSTOMER, cursor, 100);
      page.entities().forEach(e -> ids.add(e.id()));
      cursor = page.next();
      if (!page.hasMore()) {
        break;
      }
    }
    return cursor;
  }

  @Test
  void readChanges_thousandRecordsShareOneUpdatedAt_eachReadOnceAcrossPagesAndRuns() {
    seed(0, 1_000); // the clock is frozen: every record has the same updated_at
    assertThat(bng.sim.records("customers")).extracting(n -> n.get("updated_at").asText())
        .containsOnly(bng.sim.records("customers").get(0).get("updated_at").asText());
    List<String> ids = new ArrayList<>();

    Cursor saved;
    try (BngConnector run1 = bng.connector().build()) {
      saved = read(run1, Cursor.BEGINNING, 3, ids);
    }
    Cursor end;
    try (BngConnector run2 = bng.connector().build()) {
      end = read(run2, Cursor.of(saved.value()), Integer.MAX_VALUE, ids);
    }

    assertThat(ids).hasSize(1_000).doesNotHaveDuplicates();
    seed(1_000, 150); // same updated_at again: they sort after by id
    List<String> later = new ArrayList<>();
    try (BngConnector run3 = bng.connector().build()) {
      end = read(run3, end, Integer.MAX_VALUE, later);
    }
    assertThat(later).hasSize(150).doesNotHaveDuplicates().doesNotContainAnyElementsOf(ids);
    List<String> none = new ArrayList<>();
    try (BngConnector run4 = bng.connector().build()) {
      read(run4, end, Integer.MAX_VALUE, none);
    }
    assertThat(none).isEmpty();
  }

  @Test
  void readChanges_recordChangedAfterRead_readAgainOnceWithNewContent() {
    seed(0, 250);
    List<String> ids = new ArrayList<>();
    try (BngConnector c = bng.connector().build()) {
      Cursor end = read(c, Cursor.BEGINNING, Integer.MAX_VALUE, ids);
      bng.clock.advance(Duration.ofSeconds(2));
      String id = ids.get(10);
      c.write(EntityType.CUSTOMER, List.of(io.connectsdk.core.spi.WriteRequest.upsert(
          java.util.Optional.of(id), Json.object().put("company_name", "Renamed"), "t:1", "k1")));

      List<Entity> next = c.readChanges(EntityType.CUSTOMER, end, 100).entities();

      assertThat(next).extracting(Entity::id).containsExactly(id);
      assertThat(next.get(0).text("company_name")).contains("Renamed");
    }
  }

  @Test
  void readChanges_savedCursorRefused_restartsAtLastUpdatedAtWithoutRepeats() {
    seed(0, 120);
    List<String> ids = new ArrayList<>();
    try (BngConnector c = bng.connector().build()) {
      Cursor saved = read(c, Cursor.BEGINNING, 1, ids);
      bng.sim.faults().script(SimFault.error(400, "validation_error", "cursor expired"));

      read(c, saved, Integer.MAX_VALUE, ids);
    }

    assertThat(ids).hasSize(120).doesNotHaveDuplicates();
  }

  @Test
  void readChanges_pageOfOneHundred_asksBngForThatLimitWithUpdatedSinceOnLaterRuns() {
    seed(0, 3);
    try (BngConnector c = bng.connector().build()) {
      Page first = c.readChanges(EntityType.CUSTOMER, Cursor.BEGINNING, 100);
      bng.clock.advance(Duration.ofSeconds(1));
      seed(3, 1);

      Page second = c.readChanges(EntityType.CUSTOMER, first.next(), 100);

      assertThat(first.entities()).hasSize(3);
      assertThat(first.hasMore()).isFalse();
      assertThat(second.entities()).extracting(e -> e.text("external_id").orElseThrow())
          .containsExactly("E3");
      assertThat(c.requestCounts()).containsEntry("GET /api/v1/customers", 2L);
    }
  }
}
