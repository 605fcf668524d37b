package io.connectsdk.benchmarks;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Sage 300 customer target that accepts every upsert, counts it and keeps nothing, so a sync of
 * any size runs in constant memory. Target ids are derived from the source reference. Thread-safe.
 */
public final class CountingTarget implements Connector {
  private final int maxBatchSize;
  private final LongAdder writes = new LongAdder();
  private final LongAdder calls = new LongAdder();

  public CountingTarget(int maxBatchSize) {
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be >= 1: " + maxBatchSize);
    }
    this.maxBatchSize = maxBatchSize;
  }

  /** Records written so far. */
  public long writes() {
    return writes.sum();
  }

  /** Write calls so far. */
  public long calls() {
    return calls.sum();
  }

  @Override
  public String system() {
    return Fixtures.SAGE;
  }

  @Override
  public Map<EntityType, Capabilities> capabilities() {
    return Map.of(EntityType.CUSTOMER, Capabilities.readWrite(maxBatchSize));
  }

  @Override
  public Page readChanges(EntityType type, Cursor cursor, int limit) {
    return Page.last(List.of(), cursor);
  }

  @Override
  public Optional<Entity> get(EntityType type, String id) {
    return Optional.empty();
  }

  @Override
  public List<Entity> find(EntityType type, String field, String value) {
    return List.of();
  }

  @Override
  public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
    if (requests.size() > maxBatchSize) {
      throw new IllegalArgumentException(
          "batch of " + requests.size() + " exceeds maxBatchSize " + maxBatchSize);
    }
    calls.increment();
    List<WriteResult> results = new ArrayList<>(requests.size());
    for (WriteRequest request : requests) {
      if (request.operation() != WriteRequest.Operation.UPSERT) {
        throw new IllegalArgumentException("counting target accepts upserts only");
      }
      String id = request.targetId().orElseGet(() -> "S" + request.sourceRef());
      results.add(request.targetId().isPresent() ? WriteResult.updated(id, null)
          : WriteResult.created(id, null));
    }
    writes.add(requests.size());
    return results;
  }
}
