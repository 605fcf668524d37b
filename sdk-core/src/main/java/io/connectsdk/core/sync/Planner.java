package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.LedgerEntry;
import io.connectsdk.core.store.LedgerKey;
import io.connectsdk.core.store.LedgerPage;
import io.connectsdk.core.store.Stores;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Load and plan for one target: one call per store to learn what is known of the window's records
 * (key-map links, ledger entries and key results, dead letters), then a pure decision per record:
 * reject, skip (unchanged, older, deleted), create, update, delete, or recover an earlier create
 * whose outcome was never recorded.
 */
final class Planner {
  private final JobConfig config;

  Planner(JobConfig config) {
    this.config = config;
  }

  List<Planned> plan(List<Entity> records, List<Preparation> preps, SyncTarget target,
      RecordPipeline pipeline) {
    Stores stores = config.stores();
    List<RecordRef> refs = new ArrayList<>(records.size());
    List<LedgerKey> keys = new ArrayList<>(records.size());
    for (Entity e : records) {
      RecordRef ref = pipeline.sourceRef(e);
      refs.add(ref);
      keys.add(new LedgerKey(target.system(), target.type(), ref.toString()));
    }
    Map<RecordRef, RecordRef> links = stores.keyMap().lookupAll(refs, target.system(),
        target.type());
    List<String> unlinkedKeys = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Preparation p = preps.get(i);
      if (p != null && p.isOk() && !links.containsKey(refs.get(i))) {
        unlinkedKeys.add(p.mapped().idempotencyKey());
      }
    }
    LedgerPage ledger = stores.ledger().load(keys, unlinkedKeys);
    Map<RecordRef, DeadLetter> letters = stores.deadLetters().findAll(config.id(), target.name(),
        refs);
    Map<String, String> intentResults = intentResults(records, preps, keys, refs, links, ledger);

    List<Planned> plan = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      Entity source = records.get(i);
      RecordRef ref = refs.get(i);
      LedgerEntry entry = ledger.entry(keys.get(i));
      Optional<DeadLetter> letter = Optional.ofNullable(letters.get(ref));
      Optional<String> linked = Optional.ofNullable(links.get(ref)).map(RecordRef::id);
      plan.add(decide(source, ref, target, preps.get(i), entry, letter, linked, ledger,
          intentResults));
    }
    return plan;
  }

  /** The key results of pending create intents: a second ledger read, only after a crash. */
  private Map<String, String> intentResults(List<Entity> records, List<Preparation> preps,
      List<LedgerKey> keys, List<RecordRef> refs, Map<RecordRef, RecordRef> links,
      LedgerPage ledger) {
    Set<String> intents = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      Preparation p = preps.get(i);
      LedgerEntry entry = ledger.entry(keys.get(i));
      if (p != null && p.isOk() && !links.containsKey(refs.get(i))
          && entry.contentHash().isEmpty() && entry.createIntent().isPresent()
          && !entry.createIntent().get().equals(p.mapped().idempotencyKey())) {
        intents.add(entry.createIntent().get());
      }
    }
    return intents.isEmpty() ? Map.of()
        : config.stores().ledger().load(List.of(), intents).keyResults();
  }

  private Planned decide(Entity source, RecordRef ref, SyncTarget target, Preparation prep,
      LedgerEntry entry, Optional<DeadLetter> letter, Optional<String> linked, LedgerPage ledger,
      Map<String, String> intentResults) {
    SourceVersion version = SourceVersion.of(source);
    boolean older = entry.sourceVersion().flatMap(SourceVersion::parse)
        .map(version::isOlderThan).orElse(false);
    if (source.deleted()) {
      String key = ContentHash.ofParts(target.system(), target.type().name(), ref.toString(),
          "delete");
      if (!config.propagateDeletes()) {
        return skip(source, ref, target, entry, letter, "deleted in the source; delete propagation"
            + " is off");
      }
      if (older) {
        return skip(source, ref, target, entry, letter, "older than the version last written");
      }
      if (linked.isEmpty()) {
        return skip(source, ref, target, entry, letter, "deleted in the source, never written");
      }
      return new Planned(source, ref, target, Planned.Action.DELETE, null, key, linked,
          entry.targetVersion(), false, entry, letter, "", null, false);
    }
    if (!prep.isOk()) {
      return new Planned(source, ref, target, Planned.Action.REJECT, null, "", linked,
          Optional.empty(), false, entry, letter, "rejected", prep.error(), false);
    }
    Mapped m = prep.mapped();
    if (entry.contentHash().filter(m.hash()::equals).isPresent()) {
      return skip(source, ref, target, entry, letter, "unchanged");
    }
    if (older) {
      return skip(source, ref, target, entry, letter, "older than the version last written");
    }
    String key = m.idempotencyKey();
    Optional<String> targetId = linked.or(() -> Optional.ofNullable(ledger.keyResults().get(key)));
    if (targetId.isPresent()) {
      return write(m, Planned.Action.UPDATE, targetId, entry.targetVersion(), false, entry, letter);
    }
    Optional<String> intent = entry.createIntent().filter(k -> !k.equals(key));
    if (entry.contentHash().isEmpty() && intent.isPresent()) {
      // a create with other content was sent and its outcome never recorded
      Optional<String> made = Optional.ofNullable(intentResults.get(intent.get()));
      if (made.isPresent()) {
        return write(m, Planned.Action.UPDATE, made, Optional.empty(), false, entry, letter);
      }
      return write(m, Planned.Action.CREATE, Optional.empty(), Optional.empty(), true, entry,
          letter);
    }
    return write(m, Planned.Action.CREATE, Optional.empty(), Optional.empty(), false, entry,
        letter);
  }

  private static Planned write(Mapped m, Planned.Action action, Optional<String> targetId,
      Optional<String> ifMatch, boolean recovery, LedgerEntry entry,
      Optional<DeadLetter> letter) {
    return new Planned(m.source(), m.sourceRef(), m.target(), action, m, m.idempotencyKey(),
        targetId, ifMatch, recovery, entry, letter, "", null, false);
  }

  private static Planned skip(Entity source, RecordRef ref, SyncTarget target, LedgerEntry entry,
      Optional<DeadLetter> letter, String reason) {
    return new Planned(source, ref, target, Planned.Action.SKIP, null, "", Optional.empty(),
        Optional.empty(), false, entry, letter, reason, null, false);
  }
}
