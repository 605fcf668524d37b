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
 * <p><b>Failures.</b> A record the target rejects, a mapping failure (or a mapping or resolver
 * that throws, or mapped numbers that are NaN or infinite), a dangling reference, a
 * record still failing transiently after {@code maxAttempts}, and a single-record write call
 * refused with a {@link io.connectsdk.core.PermanentException} go to the dead-letter queue and the
 * run goes on (a refused batch is first retried record by record). A call that fails with an
 * authentication error, a read that fails permanently, and any call still failing transiently
 * after {@code maxAttempts} end the run: {@link #runOnce()} rethrows that
 * {@link io.connectsdk.core.ConnectorException} (any other exception, such as a crash inside a
 * connector, propagates the same way) without saving the checkpoint of the current page, and the
 * next run resumes from the last saved one. Records of that page already written are then skipped
 * as unchanged; records applied by a call whose answer was lost are sent again with the same
 * idempotency key.
 *
 * <p><b>Crash safety.</b> After a successful write the engine records, in this order, the key-map
 * link, the idempotency key's target id, the source version written, the content hash (and only
 * after the page, the checkpoint); a process dying between any two of these steps makes the next
 * run write the record again to the same target record, never skip it and never create it twice.
 * Before a create is sent its idempotency key is stored as the record's create intent: if the
 * process dies before the outcome is recorded and the record changes meanwhile, the next create
 * repeats that key (so a target honouring keys answers with the record it made) and then updates
 * that record with the current content. A target that honours neither a natural key nor
 * idempotency keys can still get a duplicate in that window.
 *
 * <p><b>Older copies.</b> The ledger keeps the version (or {@code updatedAt}) of the source record
 * last written to each target record; a copy known to be older (a late webhook to {@link
 * #onEvent(Entity)}, a stale dead letter, an old version listed again by the source) is skipped,
 * never written over newer content. When a page lists one record twice, the newest copy wins.
 *
 * <p><b>Retries.</b> {@code maxAttempts} (default 5) counts the engine's own attempts per record
 * and per whole call; each attempt runs through the target's {@link SyncTarget#policy()}, and a
 * connector may retry inside its calls as well (the Sage 300 connector makes up to 5 attempts by
 * default). The counts multiply: 5 engine attempts over a connector's 5 are up to 25 requests, and
 * the waits add up. When a connector or its policy retries, set {@code maxAttempts(1)} (or 2) so
 * the connector's policy alone decides, with its rate-limit and circuit-breaker knowledge.
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

  private SyncJob(JobConfig config) {
    this.config = config;
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
    return new ScheduledSync(config.id(), executor.scheduleWithFixedDelay(this::scheduledRun,
        initialDelay.toNanos(), delay.toNanos(), TimeUnit.NANOSECONDS));
  }

  private void scheduledRun() {
    try {
      runOnce();
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
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private ReferenceResolver resolver = ReferenceResolver.NONE;
    private Executor prepareExecutor;
    private int prepareParts = 1;
    private Executor readAheadExecutor;
    private WriteBack writeBack;
    private ConflictPolicy conflictPolicy = ConflictPolicy.none();
    private Duration keyTtl = Duration.ofDays(7);
    private EchoLink echo = EchoLink.none();

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
     * Tries per record and per whole call before giving up (default 5), on top of any retries
     * the target's {@link ResiliencePolicy} or the connector itself makes (the attempts
     * multiply, see "Retries" above); set 1 to leave retrying to the policy.
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Exponential backoff between attempts: {@code initial}, doubled each time, at most
     * {@code max} (default 200 ms to 30 s); a longer retry-after from the remote wins.
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
     * Maps, resolves and hashes the records of each page in up to {@code parts} slices at once, on
     * {@code executor} and the job's own thread (default: one slice, on the job's thread). Writes,
     * checkpoints and every store update stay on the job's thread and in page order, so the
     * guarantees do not change; the mapping and the {@link ReferenceResolver} must be thread-safe
     * (compiled mappings are). Worth it when mapping is the bottleneck: the in-memory benchmark
     * in {@code benchmarks/README.md} gives the figures.
     *
     * @throws IllegalArgumentException if {@code parts < 1}
     */
    public Builder prepareInParallel(Executor executor, int parts) {
      requireNonNull(executor, "executor");
      if (parts < 1) {
        throw new IllegalArgumentException("parts < 1: " + parts);
      }
      this.prepareExecutor = executor;
      this.prepareParts = parts;
      return this;
    }

    /**
     * Overlaps consecutive pages of {@code runOnce()}: while the job's thread writes a page and
     * records its outcomes, a task on {@code executor} reads the next page and maps, resolves and
     * hashes it (in chunks with {@link #prepareInParallel} helpers, if set; the job's thread helps
     * with the chunks left when it is done with its page). Default: off, one page at a time.
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
        if (t.mapping().isEmpty() && mapping == null) {
          throw new IllegalStateException("job " + id + " has no mapping for target " + t.name());
        }
        if (!t.connector().capabilities(t.type()).write()) {
          throw new IllegalStateException(t.system() + " cannot write " + t.type());
        }
      }
      return new SyncJob(new JobConfig(id, source, sourceType, sourcePolicy,
          Optional.ofNullable(mapping), List.copyOf(targets),
          stores != null ? stores : Stores.inMemory(clock), new SafeListener(listener), clock,
          sleeper, pageSize, maxAttempts, initialBackoff, maxBackoff, resolver,
          Optional.ofNullable(writeBack), conflictPolicy, keyTtl, echo,
          Optional.ofNullable(prepareExecutor), prepareParts,
          Optional.ofNullable(readAheadExecutor)));
    }
  }
}
