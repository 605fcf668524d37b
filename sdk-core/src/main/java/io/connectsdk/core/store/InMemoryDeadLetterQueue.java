package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DeadLetterQueue} in memory; timestamps come from the injected {@link Clock}, ids are
 * {@code dl-1}, {@code dl-2}, ... in order of first failure. Thread-safe (one lock).
 */
public final class InMemoryDeadLetterQueue implements DeadLetterQueue {
  private final Clock clock;
  private final Map<String, DeadLetter> byId = new LinkedHashMap<>();
  private final Map<String, String> idBySlot = new HashMap<>();
  private long sequence;

  /** A queue stamped by the system UTC clock. */
  public InMemoryDeadLetterQueue() {
    this(Clock.systemUTC());
  }

  public InMemoryDeadLetterQueue(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  private static String slot(String jobId, String target, RecordRef source) {
    return jobId + '\u0000' + target + '\u0000' + source;
  }

  @Override
  public synchronized DeadLetter add(
      String jobId, String target, RecordRef source, Entity record, RecordError error) {
    requireNonNull(jobId, "jobId");
    requireNonNull(target, "target");
    requireNonNull(source, "source");
    requireNonNull(record, "record");
    requireNonNull(error, "error");
    Instant now = clock.instant();
    String slot = slot(jobId, target, source);
    String id = idBySlot.get(slot);
    DeadLetter entry;
    if (id == null) {
      id = "dl-" + (++sequence);
      entry = new DeadLetter(id, jobId, target, source, record, error, 1, now, now);
      idBySlot.put(slot, id);
    } else {
      DeadLetter old = byId.get(id);
      entry = new DeadLetter(id, jobId, target, source, record, error, old.attempts() + 1,
          old.firstSeen(), now);
    }
    byId.put(id, entry);
    return entry;
  }

  @Override
  public synchronized List<DeadLetter> list(String jobId, int offset, int limit) {
    requireNonNull(jobId, "jobId");
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("need offset >= 0 and limit >= 1: " + offset + ", " + limit);
    }
    return byId.values().stream()
        .filter(e -> e.jobId().equals(jobId))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<DeadLetter> get(String id) {
    return Optional.ofNullable(byId.get(requireNonNull(id, "id")));
  }

  @Override
  public synchronized Optional<DeadLetter> find(String jobId, String target, RecordRef source) {
    String id = idBySlot.get(slot(requireNonNull(jobId, "jobId"), requireNonNull(target, "target"),
        requireNonNull(source, "source")));
    return id == null ? Optional.empty() : Optional.of(byId.get(id));
  }

  @Override
  public boolean markReplayed(String id) {
    return remove(id);
  }

  @Override
  public boolean discard(String id) {
    return remove(id);
  }

  private synchronized boolean remove(String id) {
    DeadLetter entry = byId.remove(requireNonNull(id, "id"));
    if (entry == null) {
      return false;
    }
    idBySlot.remove(slot(entry.jobId(), entry.target(), entry.source()));
    return true;
  }

  @Override
  public synchronized long count(String jobId) {
    requireNonNull(jobId, "jobId");
    return byId.values().stream().filter(e -> e.jobId().equals(jobId)).count();
  }
}
