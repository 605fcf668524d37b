package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

/**
 * The state a sync job keeps, bundled: checkpoints, the key map, the write ledger and the
 * dead-letter queue. Jobs that share a key map and ledger (two-way sync) share one {@code Stores}.
 * Immutable; the stores themselves are thread-safe.
 *
 * <pre>{@code
 * Stores stores = Stores.inMemory();                         // tests
 * Stores custom = Stores.builder().checkpoints(jdbcCheckpoints).build(); // rest in memory
 * }</pre>
 */
public record Stores(
    CheckpointStore checkpoints,
    KeyMap keyMap,
    WriteLedger ledger,
    DeadLetterQueue deadLetters,
    StoreCommitter committer) {
  public Stores {
    requireNonNull(checkpoints, "checkpoints");
    requireNonNull(keyMap, "keyMap");
    requireNonNull(ledger, "ledger");
    requireNonNull(deadLetters, "deadLetters");
    requireNonNull(committer, "committer");
  }

  /** Four stores committed one after the other ({@link StoreCommitter#sequential()}). */
  public Stores(
      CheckpointStore checkpoints, KeyMap keyMap, WriteLedger ledger, DeadLetterQueue deadLetters) {
    this(checkpoints, keyMap, ledger, deadLetters, StoreCommitter.sequential());
  }

  /** Commits one batch's bookkeeping through {@link #committer()}. */
  public java.util.List<DeadLetter> commit(StoreBatch batch) {
    return committer.commit(this, batch);
  }

  /** Fresh in-memory stores on the system UTC clock. */
  public static Stores inMemory() {
    return inMemory(Clock.systemUTC());
  }

  /** Fresh in-memory stores whose key expiry and timestamps use {@code clock}. */
  public static Stores inMemory(Clock clock) {
    return builder().clock(clock).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Stores}; any store not set is a fresh in-memory one. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private CheckpointStore checkpoints;
    private KeyMap keyMap;
    private WriteLedger ledger;
    private DeadLetterQueue deadLetters;
    private StoreCommitter committer = StoreCommitter.sequential();

    private Builder() {}

    /** How batches are committed (default {@link StoreCommitter#sequential()}). */
    public Builder committer(StoreCommitter committer) {
      this.committer = requireNonNull(committer, "committer");
      return this;
    }

    /** The clock of the in-memory defaults (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    public Builder checkpoints(CheckpointStore checkpoints) {
      this.checkpoints = requireNonNull(checkpoints, "checkpoints");
      return this;
    }

    public Builder keyMap(KeyMap keyMap) {
      this.keyMap = requireNonNull(keyMap, "keyMap");
      return this;
    }

    public Builder ledger(WriteLedger ledger) {
      this.ledger = requireNonNull(ledger, "ledger");
      return this;
    }

    public Builder deadLetters(DeadLetterQueue deadLetters) {
      this.deadLetters = requireNonNull(deadLetters, "deadLetters");
      return this;
    }

    /** A bundle of the stores set, with fresh in-memory ones for the rest. */
    public Stores build() {
      return new Stores(
          checkpoints != null ? checkpoints : new InMemoryCheckpointStore(),
          keyMap != null ? keyMap : new InMemoryKeyMap(),
          ledger != null ? ledger : new InMemoryWriteLedger(clock),
          deadLetters != null ? deadLetters : new InMemoryDeadLetterQueue(clock),
          committer);
    }
  }
}
