package io.connectsdk.scenarios;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.Checkpoint;
import io.connectsdk.core.store.CheckpointStore;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.DeadLetterQueue;
import io.connectsdk.core.store.KeyMap;
import io.connectsdk.core.store.LedgerEntry;
import io.connectsdk.core.store.LedgerKey;
import io.connectsdk.core.store.RecordError;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.store.WriteLedger;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wraps real stores so that one bookkeeping step throws on its Nth call, once: the process dying
 * between a target write and the engine recording it. Everything else passes through, so a second
 * run over {@link #inner()} sees exactly what a restarted process would.
 */
final class CrashingStores {
  /** The store operations a crash can be scripted on. */
  enum Step { LINK, KEY_RESULT, SOURCE_VERSION, HASH, CHECKPOINT, DEAD_LETTER, DEAD_LETTER_RESOLVED }

  private final Stores inner;
  private final Map<Step, Integer> countdown = new EnumMap<>(Step.class);

  CrashingStores(Stores inner) {
    this.inner = inner;
  }

  /** The {@code call}-th call of {@code step} (1-based) throws instead of storing. */
  CrashingStores crashOn(Step step, int call) {
    countdown.put(step, call);
    return this;
  }

  Stores inner() {
    return inner;
  }

  Stores stores() {
    return new Stores(new Checkpoints(), new Links(), new Ledger(), new Letters());
  }

  private synchronized void step(Step step) {
    Integer left = countdown.get(step);
    if (left == null) {
      return;
    }
    if (left == 1) {
      countdown.remove(step);
      throw new IllegalStateException("process killed at " + step);
    }
    countdown.put(step, left - 1);
  }

  private final class Checkpoints implements CheckpointStore {
    @Override
    public Optional<Checkpoint> load(String jobId) {
      return inner.checkpoints().load(jobId);
    }

    @Override
    public void save(Checkpoint checkpoint) {
      step(Step.CHECKPOINT);
      inner.checkpoints().save(checkpoint);
    }
  }

  private final class Links implements KeyMap {
    @Override
    public void link(RecordRef a, RecordRef b) {
      step(Step.LINK);
      inner.keyMap().link(a, b);
    }

    @Override
    public Optional<RecordRef> lookup(RecordRef from, String targetSystem) {
      return inner.keyMap().lookup(from, targetSystem);
    }

    @Override
    public void unlink(RecordRef ref) {
      inner.keyMap().unlink(ref);
    }
  }

  private final class Ledger implements WriteLedger {
    @Override
    public Optional<LedgerEntry> entry(LedgerKey key) {
      return inner.ledger().entry(key);
    }

    @Override
    public void put(LedgerKey key, LedgerEntry entry) {
      LedgerEntry before = inner.ledger().entry(key).orElse(LedgerEntry.EMPTY);
      if (!entry.sourceVersion().equals(before.sourceVersion())) {
        step(Step.SOURCE_VERSION);
      }
      if (entry.contentHash().isPresent() && !entry.contentHash().equals(before.contentHash())) {
        step(Step.HASH);
      }
      inner.ledger().put(key, entry);
    }

    @Override
    public void remove(LedgerKey key) {
      inner.ledger().remove(key);
    }

    @Override
    public boolean registerKey(String idempotencyKey, Duration ttl) {
      return inner.ledger().registerKey(idempotencyKey, ttl);
    }

    @Override
    public void putKeyResult(String idempotencyKey, String targetId, Duration ttl) {
      step(Step.KEY_RESULT);
      inner.ledger().putKeyResult(idempotencyKey, targetId, ttl);
    }

    @Override
    public Optional<String> keyResult(String idempotencyKey) {
      return inner.ledger().keyResult(idempotencyKey);
    }
  }

  private final class Letters implements DeadLetterQueue {
    @Override
    public DeadLetter add(
        String jobId, String target, RecordRef source, Entity record, RecordError error) {
      step(Step.DEAD_LETTER);
      return inner.deadLetters().add(jobId, target, source, record, error);
    }

    @Override
    public List<DeadLetter> list(String jobId, int offset, int limit) {
      return inner.deadLetters().list(jobId, offset, limit);
    }

    @Override
    public Optional<DeadLetter> get(String id) {
      return inner.deadLetters().get(id);
    }

    @Override
    public Optional<DeadLetter> find(String jobId, String target, RecordRef source) {
      return inner.deadLetters().find(jobId, target, source);
    }

    @Override
    public boolean markReplayed(String id) {
      step(Step.DEAD_LETTER_RESOLVED);
      return inner.deadLetters().markReplayed(id);
    }

    @Override
    public boolean discard(String id) {
      return inner.deadLetters().discard(id);
    }

    @Override
    public long count(String jobId) {
      return inner.deadLetters().count(jobId);
    }
  }
}
