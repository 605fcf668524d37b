package io.connectsdk.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.WriteResult;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a two-way pair from echoing: after this job writes a record, the partner job's pipeline
 * maps the record as the target now holds it, and the hash of that is stored as what the partner
 * last wrote to our source record. When the partner reads our write back, it maps it to exactly
 * that content and skips it as unchanged.
 *
 * <p>Not done when the conflict policy dropped a field whose value differs from the target's: the
 * source then holds a stale value of a field the target owns, and the partner must write the
 * owner's value back.
 */
final class EchoGuard {
  private final JobConfig config;
  private final RunStats stats;

  EchoGuard(JobConfig config, RunStats stats) {
    this.config = config;
    this.stats = stats;
  }

  void afterWrite(Planned p, RecordRef targetRef, WriteResult result, CommitBuffer buffer) {
    Optional<RecordPipeline> partner = config.echo().partner();
    if (partner.isEmpty()) {
      return;
    }
    RecordPipeline other = partner.get();
    Optional<SyncTarget> back = other.config().targets().stream()
        .filter(t -> t.system().equals(p.sourceRef().system())
            && t.type().equals(p.sourceRef().type()))
        .findFirst();
    if (back.isEmpty() || !other.config().sourceType().equals(targetRef.type())) {
      return;
    }
    Optional<Entity> written = result.record().isPresent()
        ? result.record()
        : p.target().policy().execute(() -> {
          stats.connectorCalls.incrementAndGet();
          return p.target().connector().get(targetRef.type(), targetRef.id());
        });
    if (written.isEmpty() || !ownedValuesAgree(p, written.get())) {
      return;
    }
    Entity asTargetHolds = written.get().toBuilder().origin(targetRef.system()).build();
    Preparation mappedBack = other.map(asTargetHolds, back.get());
    if (mappedBack.isOk()) {
      Mapped m = mappedBack.mapped();
      var key = new io.connectsdk.core.store.LedgerKey(m.target().system(), m.target().type(),
          m.ledgerKey());
      var entry = config.stores().ledger().entry(key)
          .orElse(io.connectsdk.core.store.LedgerEntry.EMPTY);
      buffer.putEntry(key, entry.withContentHash(Optional.of(m.hash())));
    }
  }

  private static boolean ownedValuesAgree(Planned p, Entity written) {
    for (Map.Entry<String, JsonNode> e : p.mapped().dropped().properties()) {
      if (!ContentHash.sameContent(e.getValue(), written.field(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
