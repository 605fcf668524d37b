package io.connectsdk.core.spi;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import java.util.List;

/**
 * One page of changes and the cursor that resumes right after it.
 *
 * @param entities the changed records, in the connector's stable order
 * @param next where the following read starts; save it only once every record of this page is
 *     handled
 * @param hasMore true if more changes are available now; false means the stream is drained (a
 *     later read from {@code next} may find new changes)
 */
public record Page(List<Entity> entities, Cursor next, boolean hasMore) {
  public Page {
    entities = List.copyOf(requireNonNull(entities, "entities"));
    requireNonNull(next, "next");
  }

  public static Page last(List<Entity> entities, Cursor next) {
    return new Page(entities, next, false);
  }

  public int size() {
    return entities.size();
  }
}
