package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import java.util.List;

/**
 * Consecutive pages read together so a target's batches are not cut short by page boundaries: full
 * pages are read until the window holds as many records as the largest target batch (or the
 * source has no more, or returns a short page). The window's checkpoint is its last page's cursor.
 *
 * @param pages the pages, in read order
 * @param records every record of the pages, in read order
 * @param premapped the records mapped for every target ahead of time, or null
 */
record Window(List<Page> pages, List<Entity> records, Premapped premapped) {

  Cursor next() {
    return pages.get(pages.size() - 1).next();
  }

  boolean hasMore() {
    return pages.get(pages.size() - 1).hasMore();
  }

  Window withPremapped(Premapped premapped) {
    return new Window(pages, records, premapped);
  }
}
