package io.connectsdk.core.sync;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.Sleeper;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.store.Checkpoint;
import io.connectsdk.core.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one or more targets in step with one source: reads changes page by page, maps, resolves
 * references, skips unchanged content, writes in batches with retries, dead-letters what cannot be
 * written, and only then saves the checkpoint. Delivery is at least once with idempotent writes,
 * so in effect exactly once: no record is lost and none is duplicated in a target.
 *
 * <pre>{@code
 * SyncJob job = SyncJob.builder("bng-customers-to-sage")
 *     .source(bng, EntityType.CUSTOMER)
 *     .mapping(customerMapping)
 *     .target(SyncTarget.of(sage300, EntityType.CUSTOMER).withPolicy(sagePolicy))
 *     .stores(stores)
 *     .build();
 * SyncResult result = job.runOnce();
 * }</pre>
 *
 * <p><b>The loop.</b> Pages are read into windows of at least the largest target batch, so
 * batches are not cut short by page boundaries. Each window goes through <b>load → plan → execute →
 * commit → after-commit effects</b>: one load per store (key-map links, ledger entries, dead
 * letters), a pure plan per record (skip unchanged, skip older, create, update, delete, recover),
 * the writes, one {@link io.connectsdk.core.store.StoreBatch} commit per batch written (atomic with a
 * transactional store such as sdk-jdbc's), the window's checkpoint with the last commit, and only
 * then listener events, write-back and the echo guard.
 *
 * <p><b>Failures.</b> A record the target rejects, a mapping failure (or a mapping or resolver
 * that throws, or mapped values that cannot be written), a dangling reference, a record still
 * failing after {@code recordAttempts}, and a record whose write makes the whole call fail (a
 * poison record, isolated by unrolling the batch) go to the dead-letter queue and the run goes on.
 * An authentication failure, an open circuit, a rate limit longer than the job's max backoff, a
 * source read that fails, and a target that refuses three calls in a row (an outage) end the run:
 * {@link #runOnce()} rethrows that exception without saving the window's checkpoint, and the next
 * run resumes from the last saved one. Outcomes already obtained are committed first, so those
 * records are skipped as unchanged next time.
 *
 * <p><b>Retries: one owner per level.</b> The engine calls each connector once per call through
 * the target's (or source's) {@link ResiliencePolicy}; a connector's own policy owns retries of a
 * call (the built-in connectors have one). The engine retries only records that came back failed
 * and retryable, in rounds ({@code recordAttempts}, default 3), with backoff.
 *
 * <p><b>Crash safety.</b> Before creates are sent, their idempotency keys are stored as create
 * intents. A commit records links, key results, source versions and content hashes together (in
 * that order for stores that are not transactional), so a process dying at any point makes the
 * next run write the record again to the same target record, never skip it and never create it
 * twice. A create whose outcome was never recorded, for a record changed since, is sent as a
 * {@link io.connectsdk.core.spi.WriteRequest#recovery() recovery} request: the connector looks the
 * record up by its idempotent path instead of the earlier key being resent with other content.
 *
 * <p><b>Older copies.</b> The ledger keeps the version (or {@code updatedAt}) of the source record
 * last written to each target record; a copy known to be older (a late webhook to {@link
 * #onEvent(Entity)}, a stale dead letter, an old version listed again by the source) is skipped,
 * never written over newer content. When a window lists one record twice, the newest copy wins.
 *
 * <p><b>Fencing.</b> Each run claims the job ({@link
 * io.connectsdk.core.store.CheckpointStore#claim}); its commits carry the claim's epoch, so a run
 * that lost the job to another node stops with {@link io.connectsdk.core.store.LeaseLostException}.
 *
 * <p><b>Thread-safety.</b> Immutable once built. {@link #runOnce()}, {@link #onEvent},
 * {@link #replayDeadLetters()} and scheduled runs of one job never overlap: a call waits for the
 * one in progress. That holds per instance: build one {@code SyncJob} per job id and share it
 * between the scheduler and the webhook handler. Two instances with the same id over the same
 * stores, and the two jobs of a {@link TwoWaySync} run from different threads, are not
 * coordinated; their overlapping runs stay free of duplicates where the target honours
 * idempotency keys or natural keys, but may write twice. Several processes need leased stores.
 */
public final class SyncJob {
  private static final Logger LOG = LoggerFactory.getLogger(SyncJob.class);

  private final JobConfig config;
  private final RecordPipeline pipeline;
  private final JobRunner runner;
  private final ReentrantLock lock = new ReentrantLock();

  private final Builder settings;

  private SyncJob(JobConfig config, Builder settings) {
    this.config = config;
    this.settings = settings.copy();
    this.pipeline = new RecordPipeline(config);
    this.runner = new JobRunner(config, pipeline);
  }

  /** Starts a job; {@code id} names its checkpoint and dead letters, so keep it stable. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  public String id() {
    return config.id();
  }

  /**
   * A builder holding every setting of this job (same id, stores, connectors, listener), to build
   * a variant, e.g. with a fixed mapping before {@link #replayDeadLetters()}:
   *
   * <pre>{@code
   * SyncJob fixed = job.toBuilder().mapping(fixedMapping).build();
   * fixed.replayDeadLetters();
   * }</pre>
   *
   * The stores are kept as they are (if the job got fresh in-memory ones by default, the variant
   * shares them), so the variant sees this job's checkpoint, links and dead letters.
   */
  public Builder toBuilder() {
    Builder b = settings.copy();
    if (b.stores == null) {
      b.stores = config.stores();
    }
    return b;
  }

  /** The job's stores (checkpoints, key map, ledger, dead letters). */
  public Stores stores() {
    return config.stores();
  }

  /** The targets, in write order. */
  public List<SyncTarget> targets() {
    return config.targets();
  }

  /** Where the next run starts, if a run ever completed a page. */
  public Optional<Checkpoint> checkpoint() {
    return config.stores().checkpoints().load(config.id());
  }

  /**
   * Reads and writes every change since the checkpoint, page by page, until the source has no
   * more. Waits if another run of this job is in progress.
   *
   * @throws io.connectsdk.core.ConnectorException when a whole call fails as described above
   */
  public SyncResult runOnce() {
    return locked(runner::runOnce);
  }

  /**
   * Fetches one record from the source and writes it (a webhook said it changed). Does not move
   * the checkpoint. A record no longer in the source is reported as skipped.
   *
   * @throws IllegalArgumentException if {@code ref} is not of this job's source system and type
   */
  public SyncResult onEvent(RecordRef ref) {
    requireNonNull(ref, "ref");
    return locked(() -> runner.onEvent(ref));
  }

  /**
   * Writes one record the caller already has (e.g. a webhook payload). Does not move the
   * checkpoint. A copy older than the version last written is skipped.
   *
   * @throws IllegalArgumentException if the record is not of the source type, or its origin is
   *     set to another system than the source's
   */
  public SyncResult onEvent(Entity record) {
    requireNonNull(record, "record");
    return locked(() -> runner.onEvent(record));
  }

  /**
   * Runs this job's dead letters through the current mapping and targets; entries written now
   * leave the queue, entries failing again stay with {@code attempts + 1}. Each entry's stored copy
   * is replayed as is (so a copy fixed in the queue is what is written), except that a copy older
   * than the version the target already holds from a later run is skipped and leaves the queue.
   */
  public SyncResult replayDeadLetters() {
    return locked(runner::replayDeadLetters);
  }

  /**
   * Runs {@link #runOnce()} on {@code executor} with a fixed delay between the end of one run and
   * the start of the next, so scheduled runs never overlap each other (nor, through the job's
   * lock, other calls). A run failing with an exception is logged and reported to the listener;
   * the schedule goes on. A run failing with an {@link Error} (out of memory, a linkage error) is
   * reported the same way but ends the schedule, as the executor stops rescheduling it.
   */
  public ScheduledSync schedule(
      ScheduledExecutorService executor, Duration initialDelay, Duration delay) {
    requireNonNull(executor, "executor");
    requireNonNull(initialDelay, "initialDelay");
    requireNonNull(delay, "delay");
    if (initialDelay.isNegative() || delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("need initialDelay >= 0 and delay > 0");
    }
    ScheduledSync handle = new ScheduledSync(config.id());
    handle.start(executor.scheduleWithFixedDelay(() -> scheduledRun(handle),
        initialDelay.toNanos(), delay.toNanos(), TimeUnit.NANOSECONDS));
    return handle;
  }

  private void scheduledRun(ScheduledSync handle) {
    try {
      // checked under the job's lock, so a run that had not started when cancel() returned never
      // starts; one already running finishes
      locked(() -> handle.stopped() ? null : runner.runOnce());
    } catch (RuntimeException e) {
      // already reported by the run; swallowing keeps the executor scheduling further runs
      LOG.debug("scheduled run of {} failed; next run as scheduled", config.id());
    }
  }

  private SyncResult locked(java.util.function.Supplier<SyncResult> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  RecordPipeline pipeline() {
    return pipeline;
  }

  @Override
  public String toString() {
    return "SyncJob{" + config.id() + " " + config.sourceSystem() + ":" + config.sourceType()
        + " -> " + config.targets() + "}";
  }

  /** Builds a {@link SyncJob}; {@link #build()} copies, so a builder can be reused. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private Connector source;
    private EntityType sourceType;
    private ResiliencePolicy sourcePolicy = ResiliencePolicy.none();
    private Mapping mapping;
    private final List<SyncTarget> targets = new ArrayList<>();
    private Stores stores;
    private SyncListener listener = SyncListener.NONE;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private int pageSize = 100;
    private int recordAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration maxRetryWait = Duration.ofMinutes(5);
    private ReferenceResolver resolver = ReferenceResolver.NONE;
    private boolean propagateDeletes;
    private Executor readAheadExecutor;
    private WriteBack writeBack;
    private ConflictPolicy conflictPolicy = ConflictPolicy.none();
    private Duration keyTtl = Duration.ofDays(7);
    private EchoLink echo = EchoLink.none();

    private Builder copy() {
      Builder b = new Builder(id);
      b.source = source;
      b.sourceType = sourceType;
      b.sourcePolicy = sourcePolicy;
      b.mapping = mapping;
      b.targets.addAll(targets);
      b.stores = stores;
      b.listener = listener;
      b.clock = clock;
      b.sleeper = sleeper;
      b.pageSize = pageSize;
      b.recordAttempts = recordAttempts;
      b.initialBackoff = initialBackoff;
      b.maxBackoff = maxBackoff;
      b.maxRetryWait = maxRetryWait;
      b.resolver = resolver;
      b.readAheadExecutor = readAheadExecutor;
      b.writeBack = writeBack;
      b.conflictPolicy = conflictPolicy;
      b.keyTtl = keyTtl;
      b.echo = echo;
      b.propagateDeletes = propagateDeletes;
      return b;
    }

    /** Replaces the targets set so far (for {@link SyncJob#toBuilder()} variants). */
    public Builder clearTargets() {
      targets.clear();
      return this;
    }

    private Builder(String id) {
      requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("job id is blank");
      }
      this.id = id;
    }

    /** Where changes are read (required). */
    public Builder source(Connector connector, EntityType type) {
      this.source = requireNonNull(connector, "connector");
      this.sourceType = requireNonNull(type, "type");
      return this;
    }

    /** Wraps every call to the source connector (default {@link ResiliencePolicy#none()}). */
    public Builder sourcePolicy(ResiliencePolicy policy) {
      this.sourcePolicy = requireNonNull(policy, "policy");
      return this;
    }

    /** The mapping for targets without their own (required unless every target has one). */
    public Builder mapping(Mapping mapping) {
      this.mapping = requireNonNull(mapping, "mapping");
      return this;
    }

    /** Adds a target with the job's mapping and no resilience policy. */
    public Builder target(Connector connector, EntityType type) {
      return target(SyncTarget.of(connector, type));
    }

    /**
     * Adds a target (at least one is required; names must be unique, and so must the pair of
     * system and type written, which identifies target records in the key map and ledger).
     */
    public Builder target(SyncTarget target) {
      targets.add(requireNonNull(target, "target"));
      return this;
    }

    /** The job's state (default: fresh in-memory stores on the job's clock). */
    public Builder stores(Stores stores) {
      this.stores = requireNonNull(stores, "stores");
      return this;
    }

    /** Records read per page (default 100). */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize < 1: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    public Builder listener(SyncListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /** Timestamps and durations (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Waits between retries (default {@link Sleeper#system()}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Tries per record before it is dead-lettered (default 3): a record that comes back failed
     * and retryable is written again in the next round. Whole calls are not retried by the
     * engine; the connector's own policy (or the target's) does that.
     */
    public Builder recordAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("recordAttempts < 1: " + attempts);
      }
      this.recordAttempts = attempts;
      return this;
    }

    /**
     * Propagates tombstones from the source (records deleted there) as deletes to every target
     * (default off: a deleted record is skipped). Needs a source whose capabilities say
     * {@code tombstones()} and targets that can delete; the key map and ledger entries of a
     * deleted record are removed.
     */
    public Builder propagateDeletes() {
      this.propagateDeletes = true;
      return this;
    }

    /**
     * Exponential backoff between record retry rounds: {@code initial}, doubled each time, at
     * most {@code max} (default 200 ms to 30 s); a longer Retry-After from the remote wins, up
     * to {@link #maxRetryWait}.
     */
    public Builder backoff(Duration initial, Duration max) {
      requireNonNull(initial, "initial");
      requireNonNull(max, "max");
      if (initial.isNegative() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("need 0 <= initial <= max: " + initial + ", " + max);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * The longest Retry-After a target may ask of a record retry round (default 5 minutes): a
     * longer one ends the run with the rate-limited error instead of retrying early or sleeping
     * for as long as the remote says; the next run resumes from the checkpoint.
     */
    public Builder maxRetryWait(Duration max) {
      requireNonNull(max, "max");
      if (max.isNegative()) {
        throw new IllegalArgumentException("maxRetryWait < 0: " + max);
      }
      this.maxRetryWait = max;
      return this;
    }

    public Builder resolver(ReferenceResolver resolver) {
      this.resolver = requireNonNull(resolver, "resolver");
      return this;
    }

    public Builder writeBack(WriteBack writeBack) {
      this.writeBack = requireNonNull(writeBack, "writeBack");
      return this;
    }

    public Builder conflictPolicy(ConflictPolicy conflictPolicy) {
      this.conflictPolicy = requireNonNull(conflictPolicy, "conflictPolicy");
      return this;
    }

    /** How long an idempotency key and its target id are remembered (default 7 days). */
    public Builder idempotencyKeyTtl(Duration ttl) {
      requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("ttl must be positive: " + ttl);
      }
      this.keyTtl = ttl;
      return this;
    }

    /**
     * Overlaps consecutive windows of {@code runOnce()}: while the job's thread writes a window
     * and records its outcomes, a task on {@code executor} reads the next window and maps,
     * resolves and hashes it. Default: off, one window at a time.
     *
     * <p>The guarantees do not change: everything that reads or writes the engine's stores (the
     * key map and ledger lookups that decide create or update, the writes, the checkpoint) still
     * runs on the job's thread, page after page, and a page read ahead is dropped unwritten when
     * the run stops. The executor needs one free thread per running job that uses it; with none
     * free (or if it rejects the task), the job's thread reads the next page itself when it gets
     * there: no overlap, but no deadlock and no failure. What does run early, before the previous page's
     * writes are recorded, is the {@link Mapping} and the {@link ReferenceResolver}: a mapping
     * cross-reference or a resolver that looks up a record of the same job written one page
     * earlier may not find it linked yet (it is dead-lettered as a dangling reference and a
     * replay resolves it); leave read-ahead off for such jobs. Both must be thread-safe.
     *
     * <p>Worth it when reading the source, mapping and writing each take a noticeable share of
     * the time: a remote source's page is fetched while the target is written, and on an in-memory
     * benchmark two cores are kept busy (figures in {@code benchmarks/README.md}).
     */
    public Builder readAhead(Executor executor) {
      this.readAheadExecutor = requireNonNull(executor, "executor");
      return this;
    }

    Builder echo(EchoLink echo) {
      this.echo = echo;
      return this;
    }

    /**
     * @throws IllegalStateException if the source, a target, or a mapping for some target is
     *     missing, target names repeat, or a target cannot write its type
     */
    public SyncJob build() {
      if (source == null) {
        throw new IllegalStateException("job " + id + " has no source");
      }
      if (targets.isEmpty()) {
        throw new IllegalStateException("job " + id + " has no target");
      }
      if (!source.capabilities().containsKey(sourceType)) {
        throw new IllegalStateException("job " + id + ": source " + source.system()
            + " does not serve " + sourceType + " (it serves " + source.capabilities().keySet()
            + ")");
      }
      if (!source.capabilities(sourceType).incrementalRead()) {
        throw new IllegalStateException("job " + id + ": source " + source.system()
            + " cannot read changes of " + sourceType + " (no incremental read)");
      }
      var names = new HashSet<String>();
      var written = new HashSet<String>();
      for (SyncTarget t : targets) {
        if (!names.add(t.name())) {
          throw new IllegalStateException("job " + id + " has two targets named " + t.name());
        }
        // the key map and the ledger tell target records apart by system and type only
        if (!written.add(t.system() + ":" + t.type().name())) {
          throw new IllegalStateException("job " + id + " has two targets writing " + t.system()
              + ":" + t.type().name() + "; give their connectors distinct system names");
        }
        if (t.system().equals(source.system()) && t.type().equals(sourceType)) {
          throw new IllegalStateException("job " + id + ": target " + t.name()
              + " is its own source (" + t.system() + ":" + sourceType.name() + ")");
        }
        if (t.mapping().isEmpty() && mapping == null) {
          throw new IllegalStateException("job " + id + " has no mapping for target " + t.name());
        }
        if (!t.connector().capabilities().containsKey(t.type())) {
          throw new IllegalStateException("job " + id + ": target " + t.system()
              + " does not serve " + t.type());
        }
        if (!t.connector().capabilities(t.type()).write()) {
          throw new IllegalStateException(t.system() + " cannot write " + t.type());
        }
        if (propagateDeletes && !t.connector().capabilities(t.type()).delete()) {
          throw new IllegalStateException("job " + id + ": propagateDeletes is set but target "
              + t.name() + " cannot delete " + t.type());
        }
      }
      return new SyncJob(new JobConfig(id, source, sourceType, sourcePolicy,
          Optional.ofNullable(mapping), List.copyOf(targets),
          stores != null ? stores : Stores.inMemory(clock), new SafeListener(listener), clock,
          sleeper, pageSize, recordAttempts, initialBackoff, maxBackoff, maxRetryWait, resolver,
          Optional.ofNullable(writeBack), conflictPolicy, keyTtl, echo, propagateDeletes,
          Optional.ofNullable(readAheadExecutor)), this);
    }
  }
}
