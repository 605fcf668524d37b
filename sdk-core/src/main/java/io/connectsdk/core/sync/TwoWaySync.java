package io.connectsdk.core.sync;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.Sleeper;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.store.Stores;
import java.time.Clock;
import java.util.List;

/**
 * Two jobs, A to B and B to A, over one set of stores (one key map, one ledger), wired so that
 * neither echoes the other's writes: after one job writes a record, the other job's mapping of the
 * record as the target holds it is recorded as already written, so reading it back is skipped as
 * unchanged. The {@link ConflictPolicy} applies to both jobs. Job ids are
 * {@code id + "/a-to-b"} and {@code id + "/b-to-a"}.
 *
 * <pre>{@code
 * TwoWaySync sync = TwoWaySync.builder("customers")
 *     .a(sage300, EntityType.CUSTOMER, sagePolicy)
 *     .b(salesforce, EntityType.CUSTOMER, sfPolicy)
 *     .aToB(sageToSalesforce).bToA(salesforceToSage)
 *     .conflictPolicy(ConflictPolicy.systemOfRecord().owns("sage300", "credit_limit").build())
 *     .stores(stores)
 *     .build();
 * sync.runOnce();
 * }</pre>
 *
 * Immutable; thread-safe like {@link SyncJob}. Each job serialises its own calls, but the two jobs
 * do not wait for each other: run them one after the other ({@link #runOnce()} does), or accept
 * that a change read back while its echo guard is still being recorded is written back once more
 * (an unchanged write, no loop).
 */
public final class TwoWaySync {
  private final SyncJob aToB;
  private final SyncJob bToA;

  private TwoWaySync(SyncJob aToB, SyncJob bToA) {
    this.aToB = aToB;
    this.bToA = bToA;
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The job reading A and writing B. */
  public SyncJob aToB() {
    return aToB;
  }

  /** The job reading B and writing A. */
  public SyncJob bToA() {
    return bToA;
  }

  /** Runs A to B, then B to A; returns both results in that order. */
  public List<SyncResult> runOnce() {
    SyncResult first = aToB.runOnce();
    return List.of(first, bToA.runOnce());
  }

  /** Builds a {@link TwoWaySync}; {@link #build()} builds fresh jobs each time. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private Connector a;
    private EntityType aType;
    private ResiliencePolicy aPolicy = ResiliencePolicy.none();
    private Connector b;
    private EntityType bType;
    private ResiliencePolicy bPolicy = ResiliencePolicy.none();
    private Mapping aToB;
    private Mapping bToA;
    private ConflictPolicy conflictPolicy = ConflictPolicy.none();
    private Stores stores;
    private SyncListener listener = SyncListener.NONE;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private int pageSize = 100;
    private int recordAttempts = 3;

    private Builder(String id) {
      this.id = requireNonNull(id, "id");
    }

    /** Side A: its connector, the type synced and the policy around its calls. */
    public Builder a(Connector connector, EntityType type, ResiliencePolicy policy) {
      this.a = requireNonNull(connector, "connector");
      this.aType = requireNonNull(type, "type");
      this.aPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /** Side B: its connector, the type synced and the policy around its calls. */
    public Builder b(Connector connector, EntityType type, ResiliencePolicy policy) {
      this.b = requireNonNull(connector, "connector");
      this.bType = requireNonNull(type, "type");
      this.bPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /** Maps A's records to B's fields (required). */
    public Builder aToB(Mapping mapping) {
      this.aToB = requireNonNull(mapping, "mapping");
      return this;
    }

    /** Maps B's records to A's fields (required). */
    public Builder bToA(Mapping mapping) {
      this.bToA = requireNonNull(mapping, "mapping");
      return this;
    }

    /** Applies to both jobs (default {@link ConflictPolicy#none()}). */
    public Builder conflictPolicy(ConflictPolicy policy) {
      this.conflictPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /** Shared by both jobs (default: fresh in-memory stores on the clock). */
    public Builder stores(Stores stores) {
      this.stores = requireNonNull(stores, "stores");
      return this;
    }

    public Builder listener(SyncListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** See {@link SyncJob.Builder#pageSize}. */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** See {@link SyncJob.Builder#recordAttempts}. */
    public Builder recordAttempts(int recordAttempts) {
      this.recordAttempts = recordAttempts;
      return this;
    }

    /** @throws IllegalStateException if a side or a mapping is missing, or both sides are one system */
    public TwoWaySync build() {
      if (a == null || b == null) {
        throw new IllegalStateException("both sides a and b are required");
      }
      if (aToB == null || bToA == null) {
        throw new IllegalStateException("both mappings aToB and bToA are required");
      }
      if (a.system().equals(b.system())) {
        throw new IllegalStateException("both sides are " + a.system());
      }
      Stores shared = stores != null ? stores : Stores.inMemory(clock);
      EchoLink abEcho = new EchoLink();
      EchoLink baEcho = new EchoLink();
      SyncJob jobAb = job("/a-to-b", a, aType, aPolicy, aToB, SyncTarget.of(b, bType)
          .withPolicy(bPolicy), shared, abEcho);
      SyncJob jobBa = job("/b-to-a", b, bType, bPolicy, bToA, SyncTarget.of(a, aType)
          .withPolicy(aPolicy), shared, baEcho);
      abEcho.connect(jobBa.pipeline());
      baEcho.connect(jobAb.pipeline());
      return new TwoWaySync(jobAb, jobBa);
    }

    private SyncJob job(String suffix, Connector source, EntityType type, ResiliencePolicy policy,
        Mapping mapping, SyncTarget target, Stores shared, EchoLink echo) {
      return SyncJob.builder(id + suffix).source(source, type).sourcePolicy(policy)
          .mapping(mapping).target(target).stores(shared).conflictPolicy(conflictPolicy)
          .listener(listener).clock(clock).sleeper(sleeper).pageSize(pageSize)
          .recordAttempts(recordAttempts).echo(echo).build();
    }
  }
}
