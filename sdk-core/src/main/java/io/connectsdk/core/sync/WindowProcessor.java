package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import io.connectsdk.core.spi.Cursor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handles a list of source records (a window of pages, one event, or replayed dead letters) for
 * the job's targets, as <b>load → plan → execute → commit → after-commit effects</b>: map (pure),
 * one load per store, a plan per record, the writes, one commit per batch, the checkpoint with the
 * last one. When {@link #process} returns, every record is written, skipped or dead-lettered; a
 * whole-call failure propagates instead, after the outcomes already obtained are committed.
 */
final class WindowProcessor {
  private final JobConfig config;
  private final RecordPipeline pipeline;
  private final long epoch;
  private final Planner planner;
  private final WriteExecutor executor;
  private final AfterCommit after;

  WindowProcessor(JobConfig config, RecordPipeline pipeline, RunStats stats, long epoch) {
    this.config = config;
    this.pipeline = pipeline;
    this.epoch = epoch;
    this.planner = new Planner(config);
    this.executor = new WriteExecutor(config, stats);
    this.after = new AfterCommit(config, stats);
  }

  /**
   * The part of planning that reads no store, safe to run on another thread ahead of the writes of
   * the window before: one copy per id, mapped for every target.
   */
  Premapped premap(List<Entity> records) {
    List<Entity> latest = latestPerId(records);
    List<List<Preparation>> perTarget = new ArrayList<>(config.targets().size());
    for (SyncTarget target : config.targets()) {
      perTarget.add(mapAll(latest, target));
    }
    return new Premapped(latest, perTarget);
  }

  /**
   * Handles the records for every target, or only for {@code only}; saves {@code checkpoint} with
   * the last commit.
   */
  void process(List<Entity> records, Premapped premapped, Optional<Cursor> checkpoint,
      Optional<SyncTarget> only) {
    List<Entity> latest = premapped == null ? latestPerId(records) : premapped.latest();
    CommitBuffer buffer = new CommitBuffer(config, epoch, after);
    if (latest.size() != records.size()) {
      List<Entity> superseded = new ArrayList<>(records);
      latest.forEach(superseded::remove);
      superseded.forEach(e -> buffer.superseded(pipeline.sourceRef(e)));
    }
    List<SyncTarget> targets = config.targets();
    for (int t = 0; t < targets.size(); t++) {
      SyncTarget target = targets.get(t);
      if (only.isPresent() && !only.get().name().equals(target.name())) {
        continue;
      }
      List<Preparation> preps = premapped == null
          ? mapAll(latest, target) : premapped.perTarget().get(t);
      List<Planned> plan = planner.plan(latest, preps, target, pipeline);
      List<Planned> writes = new ArrayList<>();
      for (Planned p : plan) {
        switch (p.action()) {
          case REJECT -> buffer.failed(p, p.error());
          case SKIP -> buffer.skipped(p);
          default -> writes.add(p);
        }
      }
      executor.write(target, writes, buffer);
    }
    buffer.flush(checkpoint.map(buffer::checkpoint));
  }

  private List<Preparation> mapAll(List<Entity> records, SyncTarget target) {
    List<Preparation> preps = new ArrayList<>(records.size());
    for (Entity e : records) {
      // a tombstone has no content to map; the plan turns it into a delete or a skip
      preps.add(e.deleted() ? null : pipeline.map(e, target));
    }
    return preps;
  }

  /**
   * Keeps one occurrence of each id, the newest by {@link SourceVersion} (the later one when they
   * tie): a window listing one record twice would otherwise write it twice in one batch, where a
   * target cannot yet know the first write's id, and an older copy listed last must not win.
   */
  static List<Entity> latestPerId(List<Entity> records) {
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
