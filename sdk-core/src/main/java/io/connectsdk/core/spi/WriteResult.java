package io.connectsdk.core.spi;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import java.util.Optional;

/**
 * The outcome of one {@link WriteRequest}. {@link Connector#write} returns one per request, in
 * request order.
 *
 * @param status what happened
 * @param targetId the record's id in the target (present unless the write failed before one was
 *     known)
 * @param record the record as the target holds it after the write, when the target returned it
 *     (carries generated keys such as a Sage 300 order number, for write-back)
 * @param error why it failed; present exactly when {@code status == FAILED}
 */
public record WriteResult(
    Status status, Optional<String> targetId, Optional<Entity> record, Optional<WriteError> error) {

  /** What happened to one record. */
  public enum Status {
    CREATED,
    UPDATED,
    UNCHANGED,
    DELETED,
    FAILED
  }

  public WriteResult {
    requireNonNull(status, "status");
    requireNonNull(targetId, "targetId");
    requireNonNull(record, "record");
    requireNonNull(error, "error");
    if ((status == Status.FAILED) != error.isPresent()) {
      throw new IllegalArgumentException("error must be present exactly when status is FAILED");
    }
  }

  public static WriteResult created(String targetId, Entity record) {
    return new WriteResult(Status.CREATED, Optional.of(targetId), Optional.ofNullable(record),
        Optional.empty());
  }

  public static WriteResult updated(String targetId, Entity record) {
    return new WriteResult(Status.UPDATED, Optional.of(targetId), Optional.ofNullable(record),
        Optional.empty());
  }

  public static WriteResult unchanged(String targetId, Entity record) {
    return new WriteResult(Status.UNCHANGED, Optional.of(targetId), Optional.ofNullable(record),
        Optional.empty());
  }

  public static WriteResult deleted(String targetId) {
    return new WriteResult(Status.DELETED, Optional.of(targetId), Optional.empty(),
        Optional.empty());
  }

  public static WriteResult failed(Optional<String> targetId, WriteError error) {
    return new WriteResult(Status.FAILED, targetId, Optional.empty(), Optional.of(error));
  }

  public static WriteResult failed(WriteError error) {
    return failed(Optional.empty(), error);
  }

  public boolean isSuccess() {
    return status != Status.FAILED;
  }
}
