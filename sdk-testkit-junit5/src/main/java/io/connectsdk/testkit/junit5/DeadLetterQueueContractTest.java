package io.connectsdk.testkit.junit5;

import io.connectsdk.core.store.DeadLetterBatch;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.DeadLetterQueue;
import io.connectsdk.core.store.RecordError;
import io.connectsdk.testkit.FakeClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link DeadLetterQueue} promises, as JUnit 5 tests. Extend it and return a
 * fresh, empty queue that stamps entries with the given clock from {@link #newQueue(Clock)}.
 * Each test is independent and gets its own queue and {@link FakeClock}; assertion messages name
 * the broken rule.
 */
public abstract class DeadLetterQueueContractTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final RecordError TOO_LONG =
      new RecordError(ErrorKind.PERMANENT, "FieldTooLong", "name is longer than 60", "name");
  private static final RecordError EXHAUSTED =
      new RecordError(ErrorKind.TRANSIENT, "RetriesExhausted", "503 five times", "");

  private FakeClock clock;
  private DeadLetterQueue queue;

  /** A fresh queue that holds no entry and reads the time (firstSeen, lastSeen) from {@code clock}. */
  protected abstract DeadLetterQueue newQueue(Clock clock);

  /** How many threads the concurrency tests use. */
  protected int threads() {
    return 8;
  }

  /** The queue of the running test. */
  protected final DeadLetterQueue queue() {
    return queue;
  }

  /** The clock of the running test's queue. */
  protected final FakeClock clock() {
    return clock;
  }

  @BeforeEach
  public final void openQueue() {
    clock = FakeClock.at(T0);
    queue = newQueue(clock);
  }

  private static RecordRef source(String id) {
    return new RecordRef("bng", EntityType.CUSTOMER, id);
  }

  private static Entity record(String id, String name) {
    return Entity.builder(EntityType.CUSTOMER, id).field("name", name).origin("bng").build();
  }

  private DeadLetter add(String jobId, String id) {
    return queue.add(jobId, "sage300", source(id), record(id, "Customer " + id), TOO_LONG);
  }

  @Test
  public void findAll_page_findsEntriesOfThisJobAndTargetOnly() {
    DeadLetter one = add("job-a", "cus_1");
    add("job-b", "cus_2");

    Map<RecordRef, DeadLetter> found = queue.findAll("job-a", "sage300",
        List.of(source("cus_1"), source("cus_2"), source("cus_3")));

    assertEquals(Map.of(source("cus_1"), one), found,
        "a page lookup returns this job's and target's entries, and only those");
  }

  @Test
  public void commit_failuresAndResolved_appliedTogether() {
    DeadLetter old = add("job-a", "cus_1");

    List<DeadLetter> stored = queue.commit(new DeadLetterBatch(List.of(
        new DeadLetterBatch.Failure("job-a", "sage300", source("cus_2"),
            record("cus_2", "Two"), TOO_LONG)), List.of(old.id())));

    assertEquals(1, stored.size(), "commit returns one stored entry per failure");
    assertEquals(source("cus_2"), stored.get(0).source(), "the stored entry is the failure's");
    assertEquals(Optional.empty(), queue.get(old.id()), "a resolved entry leaves the queue");
    assertEquals(1, queue.count("job-a"), "the failure was added");
  }

  @Test
  public void add_newRecord_firstAttemptStampedNow() {
    DeadLetter entry = add("job-a", "cus_1");

    assertEquals(1, entry.attempts(), "a record dead-lettered for the first time has 1 attempt");
    assertEquals(T0, entry.firstSeen(), "firstSeen of a new entry is now");
    assertEquals(T0, entry.lastSeen(), "lastSeen of a new entry is now");
    assertEquals("job-a", entry.jobId(), "an entry keeps its job");
    assertEquals("sage300", entry.target(), "an entry keeps its target");
    assertEquals(source("cus_1"), entry.source(), "an entry keeps its source reference");
    assertEquals(TOO_LONG, entry.error(), "an entry keeps its error");
    assertTrue(entry.record().sameFields(record("cus_1", "Customer cus_1")),
        "an entry keeps the record's fields");
  }

  @Test
  public void add_sameSourceAgain_updatesTheOneEntry() {
    DeadLetter first = add("job-a", "cus_1");
    clock.advance(Duration.ofMinutes(5));

    DeadLetter again = queue.add("job-a", "sage300", source("cus_1"), record("cus_1", "fixed"),
        EXHAUSTED);

    assertEquals(first.id(), again.id(), "the same (job, target, source) keeps its entry id");
    assertEquals(2, again.attempts(), "adding the same source record again counts an attempt");
    assertEquals(T0, again.firstSeen(), "firstSeen stays at the first failure");
    assertEquals(T0.plus(Duration.ofMinutes(5)), again.lastSeen(), "lastSeen moves to now");
    assertEquals(EXHAUSTED, again.error(), "the entry holds the last error");
    assertEquals("fixed", again.record().text("name").orElse(null),
        "the entry holds the latest record");
    assertEquals(1, queue.count("job-a"), "adding the same source record again adds no entry");
  }

  @Test
  public void add_otherTargetOrJob_separateEntries() {
    DeadLetter a = add("job-a", "cus_1");
    DeadLetter otherTarget =
        queue.add("job-a", "salesforce", source("cus_1"), record("cus_1", "x"), TOO_LONG);
    DeadLetter otherJob = add("job-b", "cus_1");

    assertNotEquals(a.id(), otherTarget.id(), "one source record has an entry per target");
    assertNotEquals(a.id(), otherJob.id(), "one source record has an entry per job");
    assertEquals(1, otherTarget.attempts(), "an entry for another target starts at 1 attempt");
  }

  @Test
  public void get_byId_returnsTheEntryAsStored() {
    DeadLetter entry = add("job-a", "cus_1");

    assertEquals(Optional.of(entry), queue.get(entry.id()), "get returns the entry as add stored it");
  }

  @Test
  public void get_unknownId_isEmpty() {
    assertEquals(Optional.empty(), queue.get("no-such-entry"), "get of an unknown id is empty");
  }

  @Test
  public void find_bySource_returnsThatEntryOnly() {
    DeadLetter entry = add("job-a", "cus_1");
    add("job-a", "cus_2");

    assertEquals(Optional.of(entry), queue.find("job-a", "sage300", source("cus_1")),
        "find returns the entry of that job, target and source record");
    assertEquals(Optional.empty(), queue.find("job-a", "salesforce", source("cus_1")),
        "find with another target finds nothing");
    assertEquals(Optional.empty(), queue.find("job-b", "sage300", source("cus_1")),
        "find with another job finds nothing");
  }

  @Test
  public void list_oldestFirstWithOffsetAndLimit() {
    for (int i = 1; i <= 5; i++) {
      add("job-a", "cus_" + i);
      clock.advance(Duration.ofSeconds(1));
    }

    List<String> page = queue.list("job-a", 1, 3).stream().map(e -> e.source().id()).toList();

    assertEquals(List.of("cus_2", "cus_3", "cus_4"), page,
        "list returns a job's entries oldest first, `limit` of them from `offset`");
  }

  @Test
  public void list_onlyThatJobsEntries() {
    add("job-a", "cus_1");
    add("job-b", "cus_2");

    List<DeadLetter> listed = queue.list("job-a", 0, 10);

    assertEquals(List.of("job-a"), listed.stream().map(DeadLetter::jobId).toList(),
        "list returns only the entries of the job asked for");
  }

  @Test
  public void list_pastTheEnd_isEmpty() {
    add("job-a", "cus_1");

    assertEquals(List.of(), queue.list("job-a", 1, 10), "list past the last entry is empty");
  }

  @Test
  public void markReplayed_removesTheEntryOnce() {
    DeadLetter entry = add("job-a", "cus_1");

    assertTrue(queue.markReplayed(entry.id()), "markReplayed of an entry returns true");
    assertEquals(Optional.empty(), queue.get(entry.id()), "a replayed entry leaves the queue");
    assertEquals(Optional.empty(), queue.find("job-a", "sage300", source("cus_1")),
        "a replayed entry is no longer found by its source");
    assertFalse(queue.markReplayed(entry.id()), "markReplayed of a gone entry returns false");
  }

  @Test
  public void discard_removesTheEntryOnce() {
    DeadLetter entry = add("job-a", "cus_1");

    assertTrue(queue.discard(entry.id()), "discard of an entry returns true");
    assertEquals(0, queue.count("job-a"), "a discarded entry leaves the queue");
    assertFalse(queue.discard(entry.id()), "discard of a gone entry returns false");
  }

  @Test
  public void add_afterReplayed_startsAFreshEntry() {
    DeadLetter first = add("job-a", "cus_1");
    queue.markReplayed(first.id());
    clock.advance(Duration.ofMinutes(1));

    DeadLetter again = add("job-a", "cus_1");

    assertEquals(1, again.attempts(), "a record failing after its replay starts at 1 attempt");
    assertEquals(T0.plus(Duration.ofMinutes(1)), again.firstSeen(),
        "a record failing after its replay is first seen now");
  }

  @Test
  public void count_perJob() {
    add("job-a", "cus_1");
    add("job-a", "cus_2");
    add("job-b", "cus_3");

    assertEquals(2, queue.count("job-a"), "count counts the entries of one job");
    assertEquals(0, queue.count("job-c"), "a job with no entries counts 0");
  }

  @Test
  public void add_concurrentDistinctRecords_allKeptWithDistinctIds() {
    int perThread = 10;

    Concurrently.run(threads(), t -> {
      for (int i = 0; i < perThread; i++) {
        add("job-a", "cus_" + t + "_" + i);
      }
    });

    List<DeadLetter> all = queue.list("job-a", 0, threads() * perThread + 1);
    Set<String> ids = all.stream().map(DeadLetter::id).collect(Collectors.toSet());
    assertEquals(threads() * perThread, queue.count("job-a"),
        "concurrent adds of distinct records each add an entry");
    assertEquals(threads() * perThread, ids.size(), "concurrent adds get distinct entry ids");
  }

  @Test
  public void add_concurrentSameRecord_oneEntryCountingEveryAttempt() {
    Concurrently.run(threads(), t -> add("job-a", "cus_1"));

    DeadLetter entry = queue.find("job-a", "sage300", source("cus_1"))
        .orElseGet(() -> fail("a record added concurrently has an entry"));
    assertEquals(1, queue.count("job-a"), "concurrent adds of one record keep one entry");
    assertEquals(threads(), entry.attempts(),
        "concurrent adds of one record count every attempt, none lost");
  }
}
