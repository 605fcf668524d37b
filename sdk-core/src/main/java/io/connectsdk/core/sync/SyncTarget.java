package io.connectsdk.core.sync;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.spi.Connector;
import java.util.Optional;

/**
 * One destination of a {@link SyncJob}: a connector, the entity type written there, an optional
 * mapping used instead of the job's, and the resilience policy applied around every call to this
 * connector. Immutable.
 *
 * <pre>{@code
 * SyncTarget.of(sage300, EntityType.CUSTOMER).withPolicy(sage300Policy)
 * }</pre>
 *
 * @param name unique within a job; names dead letters (default {@code system:type})
 * @param connector where records are written
 * @param type the entity type written
 * @param mapping replaces the job's mapping for this target when present
 * @param policy wraps every call to {@code connector} (default {@link ResiliencePolicy#none()})
 */
public record SyncTarget(
    String name,
    Connector connector,
    EntityType type,
    Optional<Mapping> mapping,
    ResiliencePolicy policy) {
  public SyncTarget {
    requireNonNull(name, "name");
    requireNonNull(connector, "connector");
    requireNonNull(type, "type");
    requireNonNull(mapping, "mapping");
    requireNonNull(policy, "policy");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("target name is empty");
    }
  }

  /** A target named {@code system:type} using the job's mapping and no resilience policy. */
  public static SyncTarget of(Connector connector, EntityType type) {
    requireNonNull(connector, "connector");
    requireNonNull(type, "type");
    return new SyncTarget(connector.system() + ":" + type.name(), connector, type, Optional.empty(),
        ResiliencePolicy.none());
  }

  public SyncTarget named(String name) {
    return new SyncTarget(name, connector, type, mapping, policy);
  }

  /** This target with its own mapping instead of the job's. */
  public SyncTarget withMapping(Mapping mapping) {
    return new SyncTarget(name, connector, type, Optional.of(requireNonNull(mapping, "mapping")),
        policy);
  }

  public SyncTarget withPolicy(ResiliencePolicy policy) {
    return new SyncTarget(name, connector, type, mapping, policy);
  }

  /** The target's system name, {@code connector.system()}. */
  public String system() {
    return connector.system();
  }

  /** Name, system and type only. */
  @Override
  public String toString() {
    return "SyncTarget{" + name + "}";
  }
}
