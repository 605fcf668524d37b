package io.connectsdk.core.sync;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.Sleeper;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/** The immutable settings of one built {@link SyncJob}, shared by its internal parts. */
record JobConfig(
    String id,
    Connector source,
    EntityType sourceType,
    ResiliencePolicy sourcePolicy,
    Optional<Mapping> mapping,
    List<SyncTarget> targets,
    Stores stores,
    SyncListener listener,
    Clock clock,
    Sleeper sleeper,
    int pageSize,
    int recordAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryWait,
    ReferenceResolver resolver,
    Optional<WriteBack> writeBack,
    ConflictPolicy conflictPolicy,
    Duration keyTtl,
    EchoLink echo,
    boolean propagateDeletes,
    Optional<Executor> readAheadExecutor) {

  String sourceSystem() {
    return source.system();
  }

  Mapping mappingFor(SyncTarget target) {
    return target.mapping().or(() -> mapping).orElseThrow(
        () -> new IllegalStateException("no mapping for target " + target.name()));
  }

  Optional<SyncTarget> target(String name) {
    return targets.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** How many records a read gathers before writing: enough to fill the largest target batch. */
  int windowSize() {
    int max = pageSize;
    for (SyncTarget t : targets) {
      max = Math.max(max, t.connector().capabilities(t.type()).maxBatchSize());
    }
    return max;
  }
}
