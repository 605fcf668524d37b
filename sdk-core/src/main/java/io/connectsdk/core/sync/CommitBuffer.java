package io.connectsdk.core.sync;

import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.store.Checkpoint;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.DeadLetterBatch;
import io.connectsdk.core.store.KeyMap;
import io.connectsdk.core.store.LedgerBatch;
import io.connectsdk.core.store.LedgerEntry;
import io.connectsdk.core.store.LedgerKey;
import io.connectsdk.core.store.RecordError;
import io.connectsdk.core.store.StoreBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the outcomes of one batch of writes and commits them as one {@link StoreBatch} (one call
 * per store; atomic with a transactional committer); only then are they counted and the
 * after-commit effects run (listener events, write-back, echo guard). {@link #flush} runs before
 * every further write call, so what a call obtained is recorded before the next is sent.
 * Not thread-safe: the job's thread only.
 */
final class CommitBuffer {
  private final JobConfig config;
  private final long epoch;
  private final AfterCommit after;
  private final List<KeyMap.Link> links = new ArrayList<>();
  private final List<RecordRef> unlinks = new ArrayList<>();
  private final Map<LedgerKey, Optional<LedgerEntry>> entries = new LinkedHashMap<>();
  private final Map<String, String> keyResults = new LinkedHashMap<>();
  private final List<DeadLetterBatch.Failure> failures = new ArrayList<>();
  private final List<String> resolved = new ArrayList<>();
  private final List<AfterCommit.Event> events = new ArrayList<>();

  CommitBuffer(JobConfig config, long epoch, AfterCommit after) {
    this.config = config;
    this.epoch = epoch;
    this.after = after;
  }

  /** A write the target accepted. */
  void succeeded(Planned p, WriteResult result) {
    String targetId = result.targetId().or(p::targetId).orElseThrow(() ->
        new IllegalStateException(p.target().system() + " reported " + result.status()
            + " without a target id for " + p.sourceRef()));
    RecordRef targetRef = new RecordRef(p.target().system(), p.target().type(), targetId);
    if (result.status() == WriteResult.Status.DELETED) {
      unlinks.add(targetRef);
      entries.put(p.ledgerKey(), Optional.empty());
    } else {
      links.add(new KeyMap.Link(p.sourceRef(), targetRef));
      keyResults.put(p.idempotencyKey(), targetId);
      // with a write-back, the hash is recorded only once the write-back worked: a crash or a
      // failed write-back in between makes the next run write (and write back) again
      Optional<String> hash = config.writeBack().isPresent()
          ? Optional.empty() : Optional.of(p.mapped().hash());
      entries.put(p.ledgerKey(), Optional.of(written(p, result, hash)));
    }
    resolveIfDelivered(p);
    events.add(AfterCommit.Event.written(p, targetRef, result));
  }

  /** The ledger entry of a record just written with this result. */
  static LedgerEntry written(Planned p, WriteResult result, Optional<String> hash) {
    return p.entry()
        .withSourceVersion(Optional.of(SourceVersion.of(p.source()).encode()))
        .withCreateIntent(Optional.empty())
        .withTargetVersion(result.version().or(() -> p.entry().targetVersion()))
        .withContentHash(hash);
  }

  /** The conflict policy kept a newer target record: remember its version, write nothing. */
  void keptNewerTarget(Planned p, Optional<String> targetVersion) {
    if (targetVersion.isPresent()) {
      entries.put(p.ledgerKey(), Optional.of(p.entry().withTargetVersion(targetVersion)));
    }
    events.add(AfterCommit.Event.skipped(p, "target is newer (last writer wins)"));
  }

  void skipped(Planned p) {
    resolveIfDelivered(p);
    events.add(AfterCommit.Event.skipped(p, p.reason()));
  }

  /** A skip of a record superseded by a later copy in the same window. */
  void superseded(RecordRef ref) {
    events.add(AfterCommit.Event.skippedRef(ref, "superseded in the same page"));
  }

  void failed(Planned p, RecordError error) {
    if (p.action() == Planned.Action.CREATE && p.entry().createIntent().isPresent()
        && !p.recovery()) {
      // the target answered that it did not create it: the intent is history
      entries.put(p.ledgerKey(), Optional.of(p.entry().withCreateIntent(Optional.empty())));
    }
    failures.add(new DeadLetterBatch.Failure(config.id(), p.target().name(), p.sourceRef(),
        p.source(), error));
    events.add(AfterCommit.Event.deadLettered(p, error));
  }

  /**
   * Removes the record's dead letter if it holds no newer version than the copy delivered now: a
   * newer dead-lettered version stays queued, so a late older copy cannot make it vanish.
   */
  private void resolveIfDelivered(Planned p) {
    p.deadLetter()
        .filter(letter -> !SourceVersion.of(p.source())
            .isOlderThan(SourceVersion.of(letter.record())))
        .ifPresent(letter -> {
          resolved.add(letter.id());
          events.add(AfterCommit.Event.replayed(p, letter.id()));
        });
  }

  boolean isEmpty() {
    return links.isEmpty() && unlinks.isEmpty() && entries.isEmpty() && keyResults.isEmpty()
        && failures.isEmpty() && resolved.isEmpty() && events.isEmpty();
  }

  /**
   * Commits what was collected (with {@code checkpoint} if given), then runs the effects. When the
   * effects record something of their own (a write-back's hash, the echo guard, a failed
   * write-back's dead letter), that is committed in a second batch, which then carries the
   * checkpoint, so the checkpoint never passes a record whose effects are not recorded.
   */
  void flush(Optional<Checkpoint> checkpoint) {
    if (isEmpty() && checkpoint.isEmpty()) {
      return;
    }
    boolean followUps = after.mayRecord();
    List<AfterCommit.Event> done = List.copyOf(events);
    List<DeadLetter> stored = commit(followUps ? Optional.empty() : checkpoint);
    after.run(done, stored, this);
    if (followUps) {
      List<AfterCommit.Event> more = List.copyOf(events);
      List<DeadLetter> storedMore = commit(checkpoint);
      after.count(more, storedMore);
    }
    checkpoint.ifPresent(c -> config.listener().checkpointSaved(config.id(), c.cursor()));
  }

  private List<DeadLetter> commit(Optional<Checkpoint> checkpoint) {
    StoreBatch batch = new StoreBatch(config.id(), epoch, links, unlinks,
        new LedgerBatch(entries, keyResults, config.keyTtl()),
        new DeadLetterBatch(failures, resolved), checkpoint);
    List<DeadLetter> stored = batch.isEmpty() ? List.of() : config.stores().commit(batch);
    links.clear();
    unlinks.clear();
    entries.clear();
    keyResults.clear();
    failures.clear();
    resolved.clear();
    events.clear();
    return stored;
  }

  void flush() {
    flush(Optional.empty());
  }

  /** Records hashes after a successful write-back (or the echo guard), committed next flush. */
  void putEntry(LedgerKey key, LedgerEntry entry) {
    entries.put(key, Optional.of(entry));
  }

  /** A dead letter found after the commit (a failed write-back), committed next flush. */
  void failedAfterCommit(Planned p, RecordError error) {
    failures.add(new DeadLetterBatch.Failure(config.id(), p.target().name(), p.sourceRef(),
        p.source(), error));
    events.add(AfterCommit.Event.deadLettered(p, error));
  }

  Checkpoint checkpoint(io.connectsdk.core.spi.Cursor cursor) {
    return new Checkpoint(config.id(), cursor, config.clock().instant());
  }
}
