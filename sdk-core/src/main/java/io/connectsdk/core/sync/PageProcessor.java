package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Handles a list of source records (a page, one event, or replayed dead letters) for the job's
 * targets: prepare each, dead-letter the rejected, skip the unchanged and those the conflict policy
 * keeps, write the rest in batches and deliver every outcome. When {@link #process} returns, every
 * record is written, skipped or dead-lettered; a whole-call failure propagates instead.
 */
final class PageProcessor {
  private final JobConfig config;
  private final RecordPipeline pipeline;
  private final Retrier retrier;
  private final BatchWriter writer;
  private final Delivery delivery;
  private final Preparer preparer;

  PageProcessor(JobConfig config, RecordPipeline pipeline, RunStats stats) {
    this.config = config;
    this.pipeline = pipeline;
    this.preparer = new Preparer(pipeline, config);
    this.retrier = new Retrier(config, stats);
    this.writer = new BatchWriter(config, stats, retrier);
    this.delivery = new Delivery(config, stats, retrier);
  }

  void process(List<Entity> records) {
    process(records, (Premapped) null);
  }

  /**
   * Handles a page whose records may already be mapped for every target ({@link #premap}, done
   * ahead on another thread); with {@code premapped} null they are mapped here, target by target.
   */
  void process(List<Entity> records, Premapped premapped) {
    List<Entity> latest = premapped == null ? latestPerId(records) : premapped.latest();
    if (latest.size() != records.size()) {
      List<Entity> superseded = new ArrayList<>(records);
      latest.forEach(superseded::remove);
      superseded.forEach(e -> delivery.skipped(pipeline.sourceRef(e), "superseded in the same page"));
    }
    List<SyncTarget> targets = config.targets();
    for (int t = 0; t < targets.size(); t++) {
      SyncTarget target = targets.get(t);
      List<Preparation> mapped = premapped == null
          ? preparer.mapAll(latest, target) : premapped.perTarget().get(t);
      process(latest, target, mapped);
    }
  }

  /**
   * The part of handling a page that reads no store and writes nothing, so it may run on another
   * thread ahead of the writes of the page before: one copy per id, mapped for every target.
   * {@code started} is told of each chunk of mapping work as it starts (see {@link Preparer}).
   */
  Premapped premap(List<Entity> records, Consumer<ChunkedWork> started) {
    List<Entity> latest = latestPerId(records);
    List<List<Preparation>> perTarget = new ArrayList<>(config.targets().size());
    for (SyncTarget target : config.targets()) {
      perTarget.add(preparer.mapAll(latest, target, started));
    }
    return new Premapped(latest, perTarget);
  }

  /** A page mapped ahead: the records kept (one per id) and their preparations per target. */
  record Premapped(List<Entity> latest, List<List<Preparation>> perTarget) {}

  void process(List<Entity> records, SyncTarget target) {
    process(records, target, preparer.mapAll(records, target));
  }

  private void process(List<Entity> records, SyncTarget target, List<Preparation> mapped) {
    List<Entity> recovered = process(records, target, mapped, true);
    if (!recovered.isEmpty()) {
      // linked now: the second pass updates those records with the current content
      List<Entity> again = process(recovered, target, preparer.mapAll(recovered, target), false);
      if (!again.isEmpty()) {
        throw new IllegalStateException("records still unlinked after recovering their create: "
            + again.size());
      }
    }
  }

  /** Handles the records once; returns those whose recovered create still needs an update. */
  private List<Entity> process(List<Entity> records, SyncTarget target,
      List<Preparation> preparations, boolean firstPass) {
    List<Entity> recovered = new ArrayList<>();
    List<Prepared> toWrite = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Preparation prep = preparations.get(i);
      RecordRef ref = prep.isOk() ? prep.mapped().sourceRef() : pipeline.sourceRef(records.get(i));
      MdcScope scope = MdcScope.put(MdcScope.RECORD, ref.toString());
      try {
        if (!prep.isOk()) {
          delivery.deadLetter(records.get(i), ref, target, prep.error());
          continue;
        }
        Prepared p = pipeline.link(prep.mapped());
        if (pipeline.alreadyWritten(p)) {
          delivery.skipped(ref, "unchanged");
          delivery.resolveDeadLetter(p); // the target holds the current content already
        } else if (pipeline.olderThanWritten(p)) {
          delivery.skipped(ref, "older than the version last written");
          delivery.resolveDeadLetter(p); // only if the entry holds this old copy, not a newer one
        } else if (targetIsNewer(p)) {
          delivery.skipped(ref, "target is newer (last writer wins)");
        } else {
          toWrite.add(p);
        }
      } finally {
        scope.close();
      }
    }
    if (toWrite.isEmpty()) {
      return recovered;
    }
    for (Prepared p : toWrite) {
      if (p.isCreate() && !p.recovery()) {
        pipeline.recordCreateIntent(p);
      }
    }
    writer.write(target, toWrite, outcome -> {
      Prepared p = outcome.item();
      if (!outcome.isSuccess()) {
        if (p.isCreate() && !p.recovery()) {
          pipeline.clearCreateIntent(p); // the target answered that it did not create it
        }
        delivery.deadLetter(p.source(), p.sourceRef(), target, outcome.error());
      } else if (p.recovery() && firstPass) {
        delivery.recovered(p, outcome.result());
        recovered.add(p.source());
      } else if (p.recovery()) {
        recovered.add(p.source());
      } else {
        delivery.succeeded(p, outcome.result());
      }
    });
    return recovered;
  }

  private boolean targetIsNewer(Prepared p) {
    if (!config.conflictPolicy().isLastWriterWins() || p.targetId().isEmpty()) {
      return false;
    }
    SyncTarget target = p.target();
    Optional<Entity> current = retrier.call(target.policy(), target.system(), 0,
        () -> target.connector().get(target.type(), p.targetId().get()));
    return current.isPresent() && current.get().updatedAt().isAfter(p.source().updatedAt());
  }

  /**
   * Keeps one occurrence of each id, the newest by {@link SourceVersion} (the later one when they
   * tie): a page listing one record twice would otherwise write it twice in one batch, where a
   * target cannot yet know the first write's id, and an older copy listed last must not win.
   */
  private static List<Entity> latestPerId(List<Entity> records) {
    Map<String, Entity> byId = new LinkedHashMap<>();
    for (Entity e : records) {
      Entity kept = byId.get(e.id());
      if (kept != null && SourceVersion.of(e).isOlderThan(SourceVersion.of(kept))) {
        continue;
      }
      byId.remove(e.id());
      byId.put(e.id(), e);
    }
    return byId.size() == records.size() ? records : List.copyOf(byId.values());
  }
}
