package io.connectsdk.scenarios;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only source that returns exactly the pages it was given, in order, whatever the page
 * size: for change feeds an {@code InMemoryConnector} never produces, such as one record listed
 * twice or an older version after a newer one. The cursor is the index of the next page.
 */
final class ScriptedSource implements Connector {
  private final String system;
  private final EntityType type;
  private final List<List<Entity>> pages;

  ScriptedSource(String system, EntityType type, List<List<Entity>> pages) {
    this.system = system;
    this.type = type;
    this.pages = List.copyOf(pages);
  }

  @Override
  public String system() {
    return system;
  }

  @Override
  public Map<EntityType, Capabilities> capabilities() {
    return Map.of(type, Capabilities.readOnly());
  }

  @Override
  public Page readChanges(EntityType t, Cursor cursor, int limit) {
    int index = cursor.isBeginning() ? 0 : Integer.parseInt(cursor.value());
    if (index >= pages.size()) {
      return Page.last(List.of(), cursor);
    }
    return new Page(pages.get(index), Cursor.of(String.valueOf(index + 1)),
        index + 1 < pages.size());
  }

  @Override
  public Optional<Entity> get(EntityType t, String id) {
    Entity latest = null;
    for (List<Entity> page : pages) {
      for (Entity e : page) {
        if (e.id().equals(id)) {
          latest = e;
        }
      }
    }
    return Optional.ofNullable(latest);
  }

  @Override
  public List<Entity> find(EntityType t, String field, String value) {
    return List.of();
  }

  @Override
  public List<WriteResult> write(EntityType t, List<WriteRequest> requests) {
    throw new UnsupportedOperationException("read-only source");
  }
}
