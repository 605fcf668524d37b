package io.connectsdk.benchmarks;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only BNG source of {@code total} customers generated from the cursor (the index of the
 * next record) by {@link BngData}: no dataset is stored, so memory stays constant however many
 * records are read. Thread-safe (stateless).
 */
public final class GeneratingSource implements Connector {
  private static final Instant UPDATED = Instant.parse("2026-11-01T00:00:00Z");

  private final long total;

  public GeneratingSource(long total) {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0: " + total);
    }
    this.total = total;
  }

  @Override
  public String system() {
    return Fixtures.BNG;
  }

  @Override
  public Map<EntityType, Capabilities> capabilities() {
    return Map.of(EntityType.CUSTOMER, Capabilities.readOnly());
  }

  @Override
  public Page readChanges(EntityType type, Cursor cursor, int limit) {
    checkType(type);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1: " + limit);
    }
    long from = position(cursor);
    long to = Math.min(total, from + limit);
    List<Entity> entities = new ArrayList<>((int) (to - from));
    for (long n = from; n < to; n++) {
      entities.add(entity(n));
    }
    return new Page(entities, Cursor.of(Long.toString(to)), to < total);
  }

  @Override
  public Optional<Entity> get(EntityType type, String id) {
    checkType(type);
    long n = index(id);
    return n >= 0 && n < total ? Optional.of(entity(n)) : Optional.empty();
  }

  /** Supports {@code id} only: the generated data has no other index. */
  @Override
  public List<Entity> find(EntityType type, String field, String value) {
    if (!"id".equals(field)) {
      throw new IllegalArgumentException("generated source can only find by id, not " + field);
    }
    return get(type, value).map(List::of).orElse(List.of());
  }

  @Override
  public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
    throw new UnsupportedOperationException("the generated source is read-only");
  }

  private static Entity entity(long n) {
    return Entity.builder(EntityType.CUSTOMER, BngData.customerId(n))
        .takeFields(BngData.customer(n)) // a fresh node, as a connector parsing a page has
        .updatedAt(UPDATED.plusSeconds(n))
        .origin(Fixtures.BNG)
        .build();
  }

  private static long position(Cursor cursor) {
    if (cursor.isBeginning()) {
      return 0;
    }
    try {
      long n = Long.parseLong(cursor.value());
      if (n < 0) {
        throw new NumberFormatException("negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a cursor of this source: " + cursor.value(), e);
    }
  }

  private static long index(String id) {
    if (!id.startsWith("cus_")) {
      return -1;
    }
    try {
      return Long.parseLong(id.substring(4));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void checkType(EntityType type) {
    if (!EntityType.CUSTOMER.equals(type)) {
      throw new IllegalArgumentException("generated source serves customers only, not " + type);
    }
  }
}
