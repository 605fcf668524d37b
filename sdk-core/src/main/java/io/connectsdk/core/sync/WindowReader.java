package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads windows of pages from the source for one run, each read through the source policy once (a
 * connector's own policy owns retries). Stops a source whose cursor goes round in a cycle or does
 * not move. Not thread-safe: one window is read at a time (on the job's or the read-ahead thread).
 */
final class WindowReader {
  private final JobConfig config;
  private final RunStats stats;
  private final Set<Cursor> seen = new HashSet<>();

  WindowReader(JobConfig config, RunStats stats) {
    this.config = config;
    this.stats = stats;
  }

  Window read(Cursor from) {
    List<Page> pages = new ArrayList<>(2);
    List<Entity> records = new ArrayList<>();
    Cursor cursor = from;
    int size = config.windowSize();
    while (true) {
      Cursor at = cursor;
      Page page = config.sourcePolicy().execute(() -> {
        stats.connectorCalls.incrementAndGet();
        return config.source().readChanges(config.sourceType(), at, config.pageSize());
      });
      if (page == null) {
        throw new IllegalStateException(config.sourceSystem() + " returned no page");
      }
      pages.add(page);
      records.addAll(page.entities());
      if (!page.hasMore()) {
        return new Window(pages, records, null);
      }
      if (page.next().equals(at)) {
        throw new IllegalStateException(config.sourceSystem()
            + " returned a page with more to read but without moving its cursor");
      }
      if (!seen.add(page.next())) {
        throw new IllegalStateException(config.sourceSystem() + " returned a cursor it had "
            + "returned before in this run: its change stream goes round in a cycle");
      }
      cursor = page.next();
      // a short page is the source's own boundary (it had no more at hand): do not wait for more
      if (records.size() >= size || page.size() < config.pageSize()) {
        return new Window(pages, records, null);
      }
    }
  }
}
