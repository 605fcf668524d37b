package io.connectsdk.core.sync;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what a job may overwrite when both systems change the same records (two-way sync).
 *
 * <ul>
 *   <li><b>System of record per field group</b>: {@code owns("sage300", "credit_limit", "terms")}
 *       means only records read from {@code sage300} may write those fields; a job whose source is
 *       another system drops them from its writes. Names are top-level mapped field names, in
 *       whichever system's vocabulary the mapping produces (list both spellings if they differ).
 *   <li><b>Last writer wins</b>: updates carry the target version recorded at the last write as
 *       an if-match token; when the target answers with a version conflict and its current record
 *       changed later than the source record ({@code updatedAt}), the write is skipped (the newer
 *       change flows the other way); otherwise it is retried once with the new version. Costs no
 *       read: it needs a target that supports versions ({@code Capabilities.versions()}); a target
 *       without them is written as if the source always won.
 * </ul>
 *
 * <p>Whatever the policy, a version conflict is retried once with the target's new version (the
 * fields another system owns are never in the write), unless last-writer-wins keeps the target.
 *
 * Immutable and thread-safe. Default for a job: {@link #none()} (the source always wins).
 */
public final class ConflictPolicy {
  private static final ConflictPolicy NONE = new ConflictPolicy(Map.of(), false);

  private final Map<String, String> ownerByField;
  private final boolean lastWriterWins;

  private ConflictPolicy(Map<String, String> ownerByField, boolean lastWriterWins) {
    this.ownerByField = ownerByField;
    this.lastWriterWins = lastWriterWins;
  }

  /** The source always wins; nothing is dropped and the target is not read first. */
  public static ConflictPolicy none() {
    return NONE;
  }

  /** The record changed last (by {@code updatedAt}) wins. */
  public static ConflictPolicy lastWriterWins() {
    return new ConflictPolicy(Map.of(), true);
  }

  /** Starts a policy of field owners. */
  public static Builder systemOfRecord() {
    return new Builder();
  }

  /**
   * True if a target record that answered a version conflict with {@code current} is kept as is
   * instead of being overwritten with {@code source}'s content.
   */
  boolean targetWins(io.connectsdk.core.Entity source, io.connectsdk.core.Entity current) {
    return lastWriterWins && current.updatedAt().isAfter(source.updatedAt());
  }

  /** True if a newer target record is not overwritten (see the class comment). */
  public boolean isLastWriterWins() {
    return lastWriterWins;
  }

  /** The system owning this field, if one does. */
  public Optional<String> owner(String field) {
    return Optional.ofNullable(ownerByField.get(requireNonNull(field, "field")));
  }

  /**
   * Removes from {@code fields} the fields another system owns and returns them (name and removed
   * value), so nothing needs to be copied up front.
   */
  ObjectNode removeForeignFields(String sourceSystem, ObjectNode fields) {
    ObjectNode dropped = Json.object();
    for (Map.Entry<String, String> e : ownerByField.entrySet()) {
      if (!e.getValue().equals(sourceSystem)) {
        com.fasterxml.jackson.databind.JsonNode removed = fields.remove(e.getKey());
        if (removed != null) {
          dropped.set(e.getKey(), removed);
        }
      }
    }
    return dropped;
  }

  @Override
  public String toString() {
    return "ConflictPolicy{owners=" + ownerByField + ", lastWriterWins=" + lastWriterWins + "}";
  }

  /** Builds a {@link ConflictPolicy}; {@link #build()} copies. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> ownerByField = new LinkedHashMap<>();
    private boolean lastWriterWins;

    private Builder() {}

    /**
     * Makes {@code system} the only writer of these fields.
     *
     * @throws IllegalStateException if a field already has another owner
     */
    public Builder owns(String system, String... fields) {
      requireNonNull(system, "system");
      if (fields.length == 0) {
        throw new IllegalArgumentException("owns(" + system + ") needs at least one field");
      }
      for (String field : fields) {
        String previous = ownerByField.putIfAbsent(requireNonNull(field, "field"), system);
        if (previous != null && !previous.equals(system)) {
          throw new IllegalStateException(field + " is already owned by " + previous);
        }
      }
      return this;
    }

    /** Also skip writes over a target record changed later than the source record. */
    public Builder lastWriterWins() {
      this.lastWriterWins = true;
      return this;
    }

    public ConflictPolicy build() {
      return new ConflictPolicy(
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ownerByField)), lastWriterWins);
    }
  }
}
