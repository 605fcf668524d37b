package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.store.Checkpoint;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.DeadLetterQueue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The three ways a job handles records: the page loop, one event, and a dead-letter replay. */
final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final int REPLAY_PAGE = 500;

  private final JobConfig config;
  private final RecordPipeline pipeline;

  JobRunner(JobConfig config, RecordPipeline pipeline) {
    this.config = config;
    this.pipeline = pipeline;
  }

  SyncResult runOnce() {
    return run("run", (stats, processor) -> {
      Cursor cursor = config.stores().checkpoints().load(config.id())
          .map(Checkpoint::cursor).orElse(Cursor.BEGINNING);
      Retrier retrier = new Retrier(config, stats);
      Executor aheadExecutor = config.readAheadExecutor().orElse(null);
      Map<String, String> mdc = MDC.getCopyOfContextMap();
      AheadPage<Loaded> ahead = aheadExecutor == null ? null
          : startLoad(aheadExecutor, mdc, cursor, retrier, processor);
      while (true) {
        Cursor from = cursor;
        Loaded loaded;
        if (ahead == null) {
          loaded = new Loaded(read(from, retrier), null);
        } else {
          loaded = ahead.await();
          ahead = null;
        }
        Page page = loaded.page();
        stats.read.addAndGet(page.size());
        config.listener().pageRead(config.id(), page.size(), page.next());
        LOG.debug("read {} records", page.size());
        boolean more = page.hasMore();
        boolean moved = !page.next().equals(from);
        if (more && moved && aheadExecutor != null) {
          ahead = startLoad(aheadExecutor, mdc, page.next(), retrier, processor);
        }
        try {
          processor.process(page.entities(), loaded.premapped());
          // every record of the page is now written, skipped or dead-lettered
          config.stores().checkpoints()
              .save(new Checkpoint(config.id(), page.next(), config.clock().instant()));
          config.listener().checkpointSaved(config.id(), page.next());
          config.listener().progress(config.id(), stats.toResult(config.id(), config.clock()));
        } catch (Throwable e) { // also a checked exception a connector throws sneakily
          if (ahead != null) {
            ahead.cancel(); // no work of this run starts or goes on after it has failed
          }
          throw e;
        }
        if (!more) {
          return;
        }
        if (!moved) {
          throw new IllegalStateException(config.sourceSystem()
              + " returned a page with more to read but without moving its cursor");
        }
        cursor = page.next();
      }
    });
  }

  /** A page as read, and its records mapped for every target when read ahead (else null). */
  private record Loaded(Page page, PageProcessor.Premapped premapped) {}

  private Page read(Cursor from, Retrier retrier) {
    return retrier.call(config.sourcePolicy(), config.sourceSystem(), 0,
        () -> config.source().readChanges(config.sourceType(), from, config.pageSize()));
  }

  private AheadPage<Loaded> startLoad(Executor executor, Map<String, String> mdc, Cursor from,
      Retrier retrier, PageProcessor processor) {
    return AheadPage.start(executor, mdc, started -> {
      Page page = read(from, retrier);
      return new Loaded(page, processor.premap(page.entities(), started));
    });
  }

  SyncResult onEvent(RecordRef ref) {
    if (!ref.system().equals(config.sourceSystem()) || !ref.type().equals(config.sourceType())) {
      throw new IllegalArgumentException("job " + config.id() + " reads " + config.sourceSystem()
          + ":" + config.sourceType() + ", not " + ref);
    }
    return run("event", (stats, processor) -> {
      Optional<Entity> entity = new Retrier(config, stats).call(config.sourcePolicy(),
          config.sourceSystem(), 0, () -> config.source().get(ref.type(), ref.id()));
      if (entity.isEmpty()) {
        stats.unchanged.incrementAndGet();
        config.listener().recordSkipped(config.id(), ref, "not found in source");
        return;
      }
      stats.read.incrementAndGet();
      processor.process(List.of(entity.get()));
    });
  }

  SyncResult onEvent(Entity entity) {
    if (!entity.type().equals(config.sourceType())) {
      throw new IllegalArgumentException("job " + config.id() + " reads " + config.sourceType()
          + ", not " + entity.type());
    }
    if (!entity.origin().isEmpty() && !entity.origin().equals(config.sourceSystem())) {
      // its id would be taken for a source id: wrong links, a stray record in the target
      throw new IllegalArgumentException("job " + config.id() + " reads " + config.sourceSystem()
          + ", not a record of " + entity.origin());
    }
    return run("event", (stats, processor) -> {
      stats.read.incrementAndGet();
      processor.process(List.of(entity));
    });
  }

  SyncResult replayDeadLetters() {
    return run("replay", (stats, processor) -> {
      DeadLetterQueue queue = config.stores().deadLetters();
      // page through the queue without loading it whole: replayed entries leave it, so only the
      // entries still there move the offset on
      int offset = 0;
      List<DeadLetter> page;
      while (!(page = queue.list(config.id(), offset, REPLAY_PAGE)).isEmpty()) {
        for (DeadLetter entry : page) {
          replay(entry, stats, processor);
          if (queue.get(entry.id()).isPresent()) {
            offset++;
          }
        }
      }
    });
  }

  private void replay(DeadLetter entry, RunStats stats, PageProcessor processor) {
    Optional<SyncTarget> target = config.target(entry.target());
    if (target.isEmpty()) {
      LOG.warn("dead letter {} names target {} that job {} no longer has; left in the queue",
          entry.id(), entry.target(), config.id());
      return;
    }
    stats.read.incrementAndGet();
    // a success removes the entry; a new failure updates it (attempts + 1)
    processor.process(List.of(entry.record()), target.get());
  }

  private SyncResult run(String what, BiConsumer<RunStats, PageProcessor> body) {
    MdcScope scope = MdcScope.put(MdcScope.JOB, config.id());
    try {
      RunStats stats = new RunStats(config.clock().instant());
      config.listener().jobStarted(config.id());
      LOG.debug("{} started", what);
      try {
        body.accept(stats, new PageProcessor(config, pipeline, stats));
      } catch (Throwable e) { // also a checked exception a connector throws sneakily
        config.listener().jobFailed(config.id(), e);
        LOG.warn("{} failed with {}; the checkpoint stays at the last completed page", what,
            e.getClass().getName());
        throw e;
      }
      SyncResult result = stats.toResult(config.id(), config.clock());
      config.listener().jobFinished(config.id(), result);
      LOG.info("{} finished: read={} created={} updated={} unchanged={} failed={} "
              + "deadLettered={} apiCalls={}", what, result.read(), result.created(),
          result.updated(), result.unchanged(), result.failed(), result.deadLettered(),
          result.apiCalls());
      return result;
    } finally {
      scope.close();
    }
  }
}
