package io.connectsdk.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import java.util.ArrayList;
import java.util.List;

/** Reads a change stream page by page until drained, checking each page on the way. */
final class ChangeReader {
  /** A guard against a stream that never reports {@code hasMore == false}. */
  static final int MAX_PAGES = 2_000;

  private ChangeReader() {}

  /** Everything read from {@code from} until drained, and the cursor after the last page. */
  record Drained(List<Entity> entities, Cursor end, int pages) {
    List<String> ids() {
      return entities.stream().map(Entity::id).toList();
    }
  }

  static Drained drain(Connector connector, EntityType type, Cursor from, int limit) {
    List<Entity> all = new ArrayList<>();
    Cursor cursor = from;
    for (int pages = 1; pages <= MAX_PAGES; pages++) {
      Page page = connector.readChanges(type, cursor, limit);
      int pageNumber = pages;
      assertTrue(page.size() <= limit, () -> "readChanges returns at most `limit` records: page "
          + pageNumber + " holds " + page.size() + " for a limit of " + limit);
      page.entities().forEach(e -> assertEquals(type, e.type(),
          () -> "readChanges(" + type + ") returns only records of that type: " + e));
      all.addAll(page.entities());
      cursor = page.next();
      if (!page.hasMore()) {
        return new Drained(List.copyOf(all), cursor, pages);
      }
      if (page.entities().isEmpty()) {
        fail("a page that says hasMore holds records: page " + pages + " is empty");
      }
    }
    return fail("a change stream drains: still hasMore after " + MAX_PAGES + " pages");
  }
}
