package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeReaderTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeSage sage = new FakeSage("ARCustomers", "CustomerNumber");
  private Sage300Connector connector;
  private Cursor cursor = Cursor.BEGINNING;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(sage);
    server.start();
    connector = TestConnectors.builder(server, TestConnectors.clock()).pageSize(2).build();
  }

  @AfterEach
  void stop() {
    connector.close();
    server.close();
  }

  /** Reads until drained, returning "id:Name" of every emitted record. */
  private List<String> drain(int limit) {
    List<String> out = new ArrayList<>();
    for (int calls = 0; calls < 100; calls++) {
      Page page = connector.readChanges(EntityType.CUSTOMER, cursor, limit);
      assertThat(page.size()).isLessThanOrEqualTo(limit);
      for (Entity e : page.entities()) {
        out.add(e.id() + ":" + e.text("CustomerName").orElse(""));
      }
      cursor = page.next();
      if (!page.hasMore()) {
        return out;
      }
    }
    throw new AssertionError("readChanges never drained");
  }

  @Test
  void readChanges_fromBeginning_emitsEveryRecordOnceAcrossPagesAndLimits() {
    for (String k : List.of("A", "B", "C", "D", "E")) {
      sage.put(k, k.compareTo("C") < 0 ? "2026-11-20" : "2026-11-21", "CustomerName", k + "1");
    }
    assertThat(drain(3)).containsExactly("A:A1", "B:B1", "C:C1", "D:D1", "E:E1");
    RecordedRequest first = sage.requests.get(0);
    assertThat(first.getUrl().queryParameter("$filter")).isNull();
    assertThat(first.getUrl().queryParameter("$top")).isEqualTo("2");
    assertThat(first.getUrl().encodedQuery()).startsWith("$top=2");
  }

  @Test
  void readChanges_recordChangesSeveralTimesWithinOneDay_eachVersionOnceNothingRepeated() {
    for (String k : List.of("A", "B", "C", "D")) {
      sage.put(k, "2026-11-21", "CustomerName", k + "1");
    }
    assertThat(drain(10)).hasSize(4);
    assertThat(drain(10)).isEmpty();
    assertThat(last().getUrl().queryParameter("$filter"))
        .isEqualTo("DateLastMaintained ge 2026-11-21T00:00:00Z");

    sage.put("C", "2026-11-21", "CustomerName", "C2");
    assertThat(drain(10)).containsExactly("C:C2");
    sage.put("C", "2026-11-21", "CustomerName", "C3");
    sage.put("A", "2026-11-21", "CustomerName", "A2");
    assertThat(drain(1)).containsExactly("A:A2", "C:C3");
    sage.put("C", "2026-11-21", "CustomerName", "C2"); // back to an earlier content: still a change
    assertThat(drain(10)).containsExactly("C:C2");
    assertThat(drain(10)).isEmpty();
  }

  @Test
  void readChanges_acrossDayBoundary_newDayEmittedOldDayNotRepeated() {
    sage.put("A", "2026-11-20", "CustomerName", "A1");
    sage.put("B", "2026-11-21", "CustomerName", "B1");
    sage.put("C", "2026-11-21", "CustomerName", "C1");
    assertThat(drain(10)).hasSize(3);
    sage.put("C", "2026-11-21", "CustomerName", "C2"); // late change on the old day
    sage.put("D", "2026-11-22", "CustomerName", "D1");
    sage.put("A", "2026-11-22", "CustomerName", "A2");
    assertThat(drain(10)).containsExactly("A:A2", "C:C2", "D:D1");
    assertThat(drain(10)).isEmpty();
    assertThat(last().getUrl().queryParameter("$filter"))
        .isEqualTo("DateLastMaintained ge 2026-11-22T00:00:00Z");
    sage.put("B", "2026-11-22", "CustomerName", "B2");
    assertThat(drain(10)).containsExactly("B:B2");
  }

  @Test
  void readChanges_insertBeforeResumePointMidSweep_nothingMissedNothingRepeated() {
    for (String k : List.of("B", "D", "F", "H")) {
      sage.put(k, "2026-11-21", "CustomerName", k + "1");
    }
    Page page = connector.readChanges(EntityType.CUSTOMER, cursor, 3);
    assertThat(page.entities()).extracting(Entity::id).containsExactly("B", "D", "F");
    sage.put("A", "2026-11-21", "CustomerName", "A1"); // shifts every position by one
    sage.put("E", "2026-11-21", "CustomerName", "E1");
    cursor = page.next();
    assertThat(drain(3)).containsExactly("E:E1", "H:H1");
    // A landed behind the read position; the next sweep re-reads the floor day and finds it
    assertThat(drain(3)).containsExactly("A:A1");
    assertThat(drain(3)).isEmpty();
  }

  @Test
  void readChanges_updatedAtIsTheChangeDay() {
    sage.put("A", "2026-11-21", "CustomerName", "A1");
    Entity e = connector.readChanges(EntityType.CUSTOMER, cursor, 5).entities().get(0);
    assertThat(e.updatedAt()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    assertThat(e.origin()).isEqualTo("sage300");
    assertThat(e.fieldNames()).toIterable().doesNotContain("@odata.etag");
  }

  @Test
  void readChanges_cursorOfAnotherType_isRejected() {
    sage.put("A", "2026-11-21", "CustomerName", "A1");
    Cursor c = connector.readChanges(EntityType.CUSTOMER, cursor, 5).next();
    assertThatThrownBy(() -> connector.readChanges(EntityType.VENDOR, c, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer");
    assertThatThrownBy(() -> connector.readChanges(EntityType.CUSTOMER, Cursor.of("zz!"), 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private RecordedRequest last() {
    return sage.requests.get(sage.requests.size() - 1);
  }

  @Test
  void readChanges_legacyLiteralsAndAbsoluteNextLink_followedVerbatim() throws Exception {
    try (MockWebServer plain = new MockWebServer()) {
      plain.start();
      String page1 = "{\"value\":[{\"BatchNumber\":7,\"DateLastEdited\":\"2026-11-21T00:00:00\"}],"
          + "\"@odata.nextLink\":\"" + plain.url("/Sage300WebApi/v1.0/-/SAMINC/AR/"
          + "ARInvoiceBatches?$skip=1&$top=1") + "\"}";
      plain.enqueue(new MockResponse.Builder().body(page1).build());
      plain.enqueue(new MockResponse.Builder().body("{\"value\":[]}").build());
      plain.enqueue(new MockResponse.Builder().body("{\"value\":[]}").build());
      try (Sage300Connector c = TestConnectors.builder(plain, TestConnectors.clock())
          .legacyDatetimeLiterals(true).pageSize(1).build()) {
        Page p = c.readChanges(EntityType.INVOICE, Cursor.BEGINNING, 10);
        assertThat(p.entities()).extracting(Entity::id).containsExactly("7");
        assertThat(p.hasMore()).isFalse();
        c.readChanges(EntityType.INVOICE, p.next(), 10);
      }
      assertThat(plain.takeRequest().getTarget())
          .isEqualTo("/Sage300WebApi/v1.0/-/SAMINC/AR/ARInvoiceBatches?$top=1");
      assertThat(plain.takeRequest().getTarget())
          .isEqualTo("/Sage300WebApi/v1.0/-/SAMINC/AR/ARInvoiceBatches?$skip=1&$top=1");
      assertThat(plain.takeRequest().getUrl().queryParameter("$filter"))
          .isEqualTo("DateLastEdited ge datetime'2026-11-21T00:00:00'");
    }
  }

  @Test
  void readChanges_serverCapsAtTop_opensNextSkipWindowWhenWindowWasFull() throws Exception {
    try (MockWebServer plain = new MockWebServer()) {
      plain.start();
      plain.enqueue(new MockResponse.Builder().body("{\"value\":[{\"CustomerNumber\":\"A\"},"
          + "{\"CustomerNumber\":\"B\"}]}").build());
      plain.enqueue(new MockResponse.Builder().body("{\"value\":[{\"CustomerNumber\":\"C\"}]}")
          .build());
      try (Sage300Connector c = TestConnectors.builder(plain, TestConnectors.clock()).pageSize(2)
          .build()) {
        Page p = c.readChanges(EntityType.CUSTOMER, Cursor.BEGINNING, 10);
        assertThat(p.entities()).extracting(Entity::id).containsExactly("A", "B", "C");
        assertThat(p.hasMore()).isFalse();
      }
      assertThat(plain.takeRequest().getUrl().encodedQuery()).isEqualTo("$top=2");
      assertThat(plain.takeRequest().getUrl().encodedQuery()).isEqualTo("$top=2&$skip=2");
      assertThat(plain.getRequestCount()).isEqualTo(2);
    }
  }
}
