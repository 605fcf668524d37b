package io.connectsdk.core.spi;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one {@link WriteRequest}. {@link Connector#write} returns one per request, in
 * request order. Immutable; built with the static factories and the {@code with…} methods, so
 * fields added later break no connector.
 *
 * <ul>
 *   <li>{@link #status()}: what happened
 *   <li>{@link #targetId()}: the record's id in the target (present unless the write failed before
 *       one was known)
 *   <li>{@link #record()}: the record as the target holds it after the write, when the target
 *       returned it (carries generated keys such as a Sage 300 order number, for write-back); for
 *       {@link Status#CONFLICT} the target's current record
 *   <li>{@link #version()}: the target record's version after the write (BNG {@code version}, an
 *       ETag), sent back as {@link WriteRequest#ifMatch()} with the next update; defaults to the
 *       record's {@link Entity#version()}
 *   <li>{@link #warnings()}: a success the target qualified ("ok, with a warning")
 *   <li>{@link #error()}: why it failed; present exactly when {@code status == FAILED}
 * </ul>
 */
public final class WriteResult {

  /** What happened to one record. */
  public enum Status {
    CREATED,
    UPDATED,
    UNCHANGED,
    DELETED,
    /**
     * Not written: the target record changed since the version the request expected
     * ({@link WriteRequest#ifMatch()}); {@link #record()} holds the current record when known.
     */
    CONFLICT,
    FAILED
  }

  private final Status status;
  private final Optional<String> targetId;
  private final Optional<Entity> record;
  private final Optional<WriteError> error;
  private final Optional<String> version;
  private final List<String> warnings;

  private WriteResult(Status status, Optional<String> targetId, Optional<Entity> record,
      Optional<WriteError> error, Optional<String> version, List<String> warnings) {
    this.status = requireNonNull(status, "status");
    this.targetId = requireNonNull(targetId, "targetId");
    this.record = requireNonNull(record, "record");
    this.error = requireNonNull(error, "error");
    this.version = requireNonNull(version, "version");
    this.warnings = List.copyOf(requireNonNull(warnings, "warnings"));
    if ((status == Status.FAILED) != error.isPresent()) {
      throw new IllegalArgumentException("error must be present exactly when status is FAILED");
    }
  }

  private static WriteResult of(Status status, String targetId, Entity record) {
    return new WriteResult(status, Optional.of(requireNonNull(targetId, "targetId")),
        Optional.ofNullable(record), Optional.empty(), Optional.empty(), List.of());
  }

  /** Created; {@code record} may be null when the target did not return it. */
  public static WriteResult created(String targetId, Entity record) {
    return of(Status.CREATED, targetId, record);
  }

  public static WriteResult updated(String targetId, Entity record) {
    return of(Status.UPDATED, targetId, record);
  }

  /** The target already held this content: nothing changed there. */
  public static WriteResult unchanged(String targetId, Entity record) {
    return of(Status.UNCHANGED, targetId, record);
  }

  public static WriteResult deleted(String targetId) {
    return of(Status.DELETED, targetId, null);
  }

  /**
   * The target record's version moved since the request's {@link WriteRequest#ifMatch()}.
   *
   * @param current the record as the target holds it now, or null if the target did not say
   */
  public static WriteResult conflict(String targetId, Entity current) {
    return of(Status.CONFLICT, targetId, current);
  }

  public static WriteResult failed(Optional<String> targetId, WriteError error) {
    return new WriteResult(Status.FAILED, targetId, Optional.empty(),
        Optional.of(requireNonNull(error, "error")), Optional.empty(), List.of());
  }

  public static WriteResult failed(WriteError error) {
    return failed(Optional.empty(), error);
  }

  /** This result with the target record's version token. */
  public WriteResult withVersion(String version) {
    return new WriteResult(status, targetId, record, error,
        Optional.of(requireNonNull(version, "version")), warnings);
  }

  /** This success with the target's warnings (ids and codes, never credentials). */
  public WriteResult withWarnings(List<String> warnings) {
    if (status == Status.FAILED) {
      throw new IllegalStateException("a failed write has an error, not warnings");
    }
    return new WriteResult(status, targetId, record, error, version, warnings);
  }

  public Status status() {
    return status;
  }

  public Optional<String> targetId() {
    return targetId;
  }

  public Optional<Entity> record() {
    return record;
  }

  public Optional<WriteError> error() {
    return error;
  }

  /** The version token set with {@link #withVersion}, else the record's version, if any. */
  public Optional<String> version() {
    if (version.isPresent()) {
      return version;
    }
    return record.flatMap(r -> r.version().isPresent()
        ? Optional.of(Long.toString(r.version().getAsLong())) : Optional.empty());
  }

  public List<String> warnings() {
    return warnings;
  }

  /** True for every status but FAILED and CONFLICT: the target holds the request's content. */
  public boolean isSuccess() {
    return status != Status.FAILED && status != Status.CONFLICT;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WriteResult r && status == r.status && targetId.equals(r.targetId)
        && record.equals(r.record) && error.equals(r.error) && version.equals(r.version)
        && warnings.equals(r.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, targetId, record, error, version, warnings);
  }

  @Override
  public String toString() {
    return "WriteResult{" + status + targetId.map(id -> " " + id).orElse("")
        + error.map(e -> " " + e.kind() + "/" + e.code()).orElse("")
        + (warnings.isEmpty() ? "" : " warnings=" + warnings.size()) + "}";
  }
}
