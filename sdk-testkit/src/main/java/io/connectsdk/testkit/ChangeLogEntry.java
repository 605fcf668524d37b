package io.connectsdk.testkit;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.WriteResult;
import java.time.Instant;

/**
 * One change an {@link InMemoryConnector} recorded, in the order it happened.
 *
 * @param sequence the connector-wide change number (strictly increasing)
 * @param type the record's type
 * @param id the record's id
 * @param status {@code CREATED}, {@code UPDATED} or {@code DELETED}
 * @param at the connector clock's time of the change
 */
public record ChangeLogEntry(
    long sequence, EntityType type, String id, WriteResult.Status status, Instant at) {
  public ChangeLogEntry {
    requireNonNull(type, "type");
    requireNonNull(id, "id");
    requireNonNull(status, "status");
    requireNonNull(at, "at");
  }
}
