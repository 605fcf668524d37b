package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.ConnectorListener;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.store.Checkpoint;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.DeadLetterQueue;
import io.connectsdk.core.store.JobClaim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The three ways a job handles records: the window loop, one event, and a dead-letter replay. */
final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final int REPLAY_PAGE = 500;

  private final JobConfig config;
  private final RecordPipeline pipeline;

  JobRunner(JobConfig config, RecordPipeline pipeline) {
    this.config = config;
    this.pipeline = pipeline;
  }

  /** What one run needs: its counters and, for the loop, its claim on the job. */
  @FunctionalInterface
  private interface Body {
    void run(RunStats stats);
  }

  SyncResult runOnce() {
    return run("run", stats -> {
      JobClaim claim = config.stores().checkpoints().claim(config.id());
      Cursor cursor = claim.checkpoint().map(Checkpoint::cursor).orElse(Cursor.BEGINNING);
      WindowReader reader = new WindowReader(config, stats);
      WindowProcessor processor = new WindowProcessor(config, pipeline, stats, claim.epoch());
      Executor aheadExecutor = config.readAheadExecutor().orElse(null);
      Map<String, String> mdc = MDC.getCopyOfContextMap();
      ReadAhead ahead = null;
      while (true) {
        Window window;
        if (ahead == null) {
          window = reader.read(cursor);
        } else {
          window = ahead.await();
          ahead = null;
        }
        for (Page page : window.pages()) {
          stats.read.addAndGet(page.size());
          config.listener().pageRead(config.id(), page.size(), page.next());
        }
        LOG.debug("read {} records in {} pages", window.records().size(), window.pages().size());
        if (window.hasMore() && aheadExecutor != null) {
          Cursor from = window.next();
          ahead = ReadAhead.start(aheadExecutor, mdc, () -> {
            Window next = reader.read(from);
            return next.withPremapped(processor.premap(next.records()));
          });
        }
        try {
          processor.process(window.records(), window.premapped(), Optional.of(window.next()),
              Optional.empty());
          config.listener().progress(config.id(), stats.toResult(config.id(), config.clock()));
        } catch (Throwable e) { // also a checked exception a connector throws sneakily
          if (ahead != null) {
            ahead.abandon(); // no work of this run starts or goes on after it has failed
          }
          throw e;
        }
        if (!window.hasMore()) {
          return;
        }
        cursor = window.next();
      }
    });
  }

  SyncResult onEvent(RecordRef ref) {
    if (!ref.system().equals(config.sourceSystem()) || !ref.type().equals(config.sourceType())) {
      throw new IllegalArgumentException("job " + config.id() + " reads " + config.sourceSystem()
          + ":" + config.sourceType() + ", not " + ref);
    }
    return run("event", stats -> {
      Optional<Entity> entity = config.sourcePolicy().execute(() -> {
        stats.connectorCalls.incrementAndGet();
        return config.source().get(ref.type(), ref.id());
      });
      if (entity.isEmpty()) {
        stats.unchanged.incrementAndGet();
        config.listener().recordSkipped(config.id(), ref, "not found in source");
        return;
      }
      stats.read.incrementAndGet();
      processor(stats).process(List.of(entity.get()), null, Optional.empty(), Optional.empty());
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
    return run("event", stats -> {
      stats.read.incrementAndGet();
      processor(stats).process(List.of(entity), null, Optional.empty(), Optional.empty());
    });
  }

  SyncResult replayDeadLetters() {
    return run("replay", stats -> {
      DeadLetterQueue queue = config.stores().deadLetters();
      WindowProcessor processor = processor(stats);
      // page through the queue without loading it whole: replayed entries leave it, so only the
      // entries still there move the offset on
      int offset = 0;
      List<DeadLetter> page;
      while (!(page = queue.list(config.id(), offset, REPLAY_PAGE)).isEmpty()) {
        Map<String, List<Entity>> byTarget = new LinkedHashMap<>();
        for (DeadLetter entry : page) {
          if (config.target(entry.target()).isEmpty()) {
            LOG.warn("dead letter {} names target {} that job {} no longer has; left in the queue",
                entry.id(), entry.target(), config.id());
            continue;
          }
          stats.read.incrementAndGet();
          byTarget.computeIfAbsent(entry.target(), k -> new ArrayList<>()).add(entry.record());
        }
        for (Map.Entry<String, List<Entity>> group : byTarget.entrySet()) {
          // a success removes the entry; a new failure updates it (attempts + 1)
          processor.process(group.getValue(), null, Optional.empty(),
              config.target(group.getKey()));
        }
        for (DeadLetter entry : page) {
          if (queue.get(entry.id()).isPresent()) {
            offset++;
          }
        }
      }
    });
  }

  private WindowProcessor processor(RunStats stats) {
    return new WindowProcessor(config, pipeline, stats, 0);
  }

  private SyncResult run(String what, Body body) {
    MdcScope scope = MdcScope.put(MdcScope.JOB, config.id());
    Set<Connector> connectors = connectors();
    RunStats stats = new RunStats(config.clock().instant(), connectors);
    ConnectorListener circuits = new ConnectorListener() {
      @Override
      public void circuitOpened(String system, Throwable lastFailure) {
        stats.circuitOpenings.incrementAndGet();
        config.listener().circuitOpened(system);
      }

      @Override
      public void circuitClosed(String system) {
        config.listener().circuitClosed(system);
      }
    };
    connectors.forEach(c -> c.addListener(circuits));
    try {
      config.listener().jobStarted(config.id());
      LOG.debug("{} started", what);
      try {
        body.run(stats);
      } catch (Throwable e) { // also a checked exception a connector throws sneakily
        config.listener().jobFailed(config.id(), e);
        LOG.warn("{} failed with {}; the checkpoint stays at the last completed page", what,
            e.getClass().getName());
        throw e;
      }
      SyncResult result = stats.toResult(config.id(), config.clock());
      config.listener().jobFinished(config.id(), result);
      LOG.info("{} finished: read={} created={} updated={} deleted={} unchanged={} "
              + "deadLettered={} failedAttempts={} connectorCalls={} httpRequests={}", what,
          result.read(), result.created(), result.updated(), result.deleted(), result.unchanged(),
          result.deadLettered(), result.failedAttempts(), result.connectorCalls(),
          result.httpRequests());
      return result;
    } finally {
      connectors.forEach(c -> c.removeListener(circuits));
      scope.close();
    }
  }

  private Set<Connector> connectors() {
    Set<Connector> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    all.add(config.source());
    config.targets().forEach(t -> all.add(t.connector()));
    return new LinkedHashSet<>(all);
  }
}
