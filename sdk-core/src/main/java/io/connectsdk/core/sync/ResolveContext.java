package io.connectsdk.core.sync;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.KeyMap;
import java.util.Optional;

/**
 * What a {@link ReferenceResolver} may use: the job, the target and the shared key map. Immutable.
 *
 * @param jobId the job resolving references
 * @param targetSystem the system being written to
 * @param targetType the entity type being written
 * @param keyMap the job's cross-reference of ids
 */
public record ResolveContext(
    String jobId, String targetSystem, EntityType targetType, KeyMap keyMap) {
  public ResolveContext {
    requireNonNull(jobId, "jobId");
    requireNonNull(targetSystem, "targetSystem");
    requireNonNull(targetType, "targetType");
    requireNonNull(keyMap, "keyMap");
  }

  /**
   * The id in the target system of the record of type {@code type} linked to {@code source}, e.g.
   * the Sage 300 customer number of a BNG customer the order points to.
   */
  public Optional<String> targetIdOf(RecordRef source, EntityType type) {
    requireNonNull(source, "source");
    requireNonNull(type, "type");
    return keyMap.lookup(source, targetSystem)
        .filter(ref -> ref.type().equals(type))
        .map(RecordRef::id);
  }
}
