package io.connectsdk.simulators.bng;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.simulators.base.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BngSimulatorPagingTest {
  private final MutableClock clock = new MutableClock("2026-11-22T10:00:00Z");
  private final BngSimulator sim =
      BngSimulator.builder().clock(clock).unlimitedRate().build().start();
  private final BngHttp http = new BngHttp(sim);

  @AfterEach
  void stop() {
    sim.close();
  }

  private void seedCustomers(int from, int to) {
    for (int i = from; i < to; i++) {
      ObjectNode c = BngJson.MAPPER.createObjectNode();
      c.put("external_id", "C" + i);
      c.put("company_name", "Company " + i);
      sim.seed("customers", c);
    }
  }

  /** Reads pages until next_cursor is null or {@code maxPages} were read; returns the cursor. */
  private String read(String query, int maxPages, List<String> ids) throws IOException {
    String cursor = null;
    for (int page = 0; page < maxPages; page++) {
      BngHttp.Result r = http.get("/customers?" + query
          + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(r.status()).isEqualTo(200);
      for (JsonNode c : r.json().get("data")) {
        ids.add(c.get("id").asText());
      }
      JsonNode next = r.json().get("next_cursor");
      if (next.isNull()) {
        return null;
      }
      cursor = next.asText();
    }
    return cursor;
  }

  @Test
  void list_thousandRecordsSharingOneUpdatedAt_noneLostOrRepeated() throws IOException {
    seedCustomers(0, 1000);
    assertThat(sim.records("customers")).extracting(c -> c.get("updated_at").asText())
        .containsOnly("2026-11-22T10:00:00.000Z");

    List<String> ids = new ArrayList<>();
    assertThat(read("limit=73&updated_since=2026-11-22T10:00:00Z", 100, ids)).isNull();

    assertThat(ids).hasSize(1000).doesNotHaveDuplicates();
    assertThat(ids).containsExactlyElementsOf(
        sim.records("customers").stream().map(c -> c.get("id").asText()).toList());
    assertThat(sim.calls("GET", "/customers")).isEqualTo(14);
  }

  @Test
  void list_resumedFromSavedCursorAfterNewRecords_readsEachRecordOnce() throws IOException {
    seedCustomers(0, 1000);
    List<String> ids = new ArrayList<>();
    String saved = read("limit=100", 3, ids);
    assertThat(saved).isNotNull();
    assertThat(ids).hasSize(300);

    seedCustomers(1000, 1050);        // same updated_at as the first thousand
    clock.advance(Duration.ofSeconds(1));
    seedCustomers(1050, 1100);        // newer

    String cursor = saved;
    while (cursor != null) {
      BngHttp.Result r = http.get("/customers?limit=100&cursor=" + cursor);
      r.json().get("data").forEach(c -> ids.add(c.get("id").asText()));
      cursor = r.json().get("next_cursor").isNull() ? null : r.json().get("next_cursor").asText();
    }

    assertThat(ids).hasSize(1100).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(allIds());
  }

  @Test
  void list_lastPageFull_nextCursorNullOnlyWhenNothingFollows() throws IOException {
    seedCustomers(0, 200);
    BngHttp.Result second = http.get("/customers?limit=100&cursor="
        + http.get("/customers?limit=100").json().get("next_cursor").asText());
    assertThat(second.json().get("data")).hasSize(100);
    assertThat(second.json().get("next_cursor").isNull()).isTrue();
  }

  @Test
  void list_updatedSince_returnsOnlyRecordsAtOrAfterIt() throws IOException {
    seedCustomers(0, 5);
    clock.advance(Duration.ofMinutes(5));
    seedCustomers(5, 8);

    BngHttp.Result r = http.get("/customers?updated_since=2026-11-22T10:05:00Z");

    assertThat(r.json().get("data")).extracting(c -> c.get("external_id").asText())
        .containsExactly("C5", "C6", "C7");
  }

  @Test
  void list_externalId_returnsZeroOrOneRecord() throws IOException {
    seedCustomers(0, 10);
    assertThat(http.get("/customers?external_id=C7").json().get("data"))
        .extracting(c -> c.get("company_name").asText()).containsExactly("Company 7");
    assertThat(http.get("/customers?external_id=nope").json().get("data")).isEmpty();
  }

  @Test
  void list_defaultLimit_isOneHundred() throws IOException {
    seedCustomers(0, 150);
    assertThat(http.get("/customers").json().get("data")).hasSize(100);
  }

  @Test
  void list_badParameters_validationError400() throws IOException {
    for (String query : List.of("limit=501", "limit=0", "limit=x", "updated_since=yesterday",
        "cursor=garbage", "colour=red")) {
      BngHttp.Result r = http.get("/customers?" + query);
      assertThat(r.status()).as(query).isEqualTo(400);
      assertThat(r.errorType()).as(query).isEqualTo("validation_error");
    }
  }

  @Test
  void list_cursorOfAnotherResource_refused() throws IOException {
    seedCustomers(0, 3);
    String cursor = http.get("/customers?limit=1").json().get("next_cursor").asText();
    BngHttp.Result r = http.get("/vendors?cursor=" + cursor);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/error/fields/cursor").asText()).isEqualTo("is invalid");
  }

  private Set<String> allIds() {
    Set<String> all = new HashSet<>();
    sim.records("customers").forEach(c -> all.add(c.get("id").asText()));
    return all;
  }
}
