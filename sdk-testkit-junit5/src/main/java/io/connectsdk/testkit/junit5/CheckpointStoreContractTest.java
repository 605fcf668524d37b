package io.connectsdk.testkit.junit5;

import io.connectsdk.core.store.LeaseLostException;
import io.connectsdk.core.store.JobClaim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.store.Checkpoint;
import io.connectsdk.core.store.CheckpointStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CheckpointStore} promises, as JUnit 5 tests. Extend it and return a
 * fresh, empty store from {@link #newStore()}:
 *
 * <pre>{@code
 * class JdbcCheckpointStoreContractTest extends CheckpointStoreContractTest {
 *   protected CheckpointStore newStore() { return JdbcStores.h2(tempFile).checkpoints(); }
 * }
 * }</pre>
 *
 * <p>Each test is independent and gets its own store; assertion messages name the broken rule.
 */
public abstract class CheckpointStoreContractTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123Z");

  private CheckpointStore store;

  /** A fresh store that holds no checkpoint. */
  protected abstract CheckpointStore newStore();

  /** How many threads the concurrency tests use. */
  protected int threads() {
    return 8;
  }

  /** The store of the running test. */
  protected final CheckpointStore store() {
    return store;
  }

  @BeforeEach
  public final void openStore() {
    store = newStore();
  }

  private static Checkpoint checkpoint(String jobId, String cursor, int second) {
    return new Checkpoint(jobId, Cursor.of(cursor), T0.plusSeconds(second));
  }

  /**
   * True if the store fences runs by epoch ({@link CheckpointStore#claim}); a store that keeps the
   * unfenced defaults returns false and the fencing tests are skipped, not passed.
   */
  protected boolean fenced() {
    return true;
  }

  @Test
  public void claim_twice_secondEpochIsHigherAndSeesTheCheckpoint() {
    store.save(checkpoint("job-a", "cursor-1", 0));
    org.junit.jupiter.api.Assumptions.assumeTrue(fenced(), "store does not fence runs");

    JobClaim first = store.claim("job-a");
    JobClaim second = store.claim("job-a");

    assertTrue(second.epoch() > first.epoch(), "each claim bumps the job's epoch");
    assertEquals(Optional.of(checkpoint("job-a", "cursor-1", 0)), second.checkpoint(),
        "a claim reads the checkpoint in the same step");
  }

  @Test
  public void save_staleEpoch_refusedWithLeaseLostAndNothingSaved() {
    org.junit.jupiter.api.Assumptions.assumeTrue(fenced(), "store does not fence runs");
    JobClaim zombie = store.claim("job-a");
    JobClaim current = store.claim("job-a");
    store.save(checkpoint("job-a", "current", 1), current.epoch());

    assertThrows(LeaseLostException.class,
        () -> store.save(checkpoint("job-a", "stale", 2), zombie.epoch()),
        "a run whose claim was taken over must not save");
    assertEquals(Optional.of(checkpoint("job-a", "current", 1)), store.load("job-a"),
        "the refused save left the checkpoint as the current run saved it");
  }

  @Test
  public void load_neverSaved_isEmpty() {
    assertEquals(Optional.empty(), store.load("job-a"),
        "a job that never saved a checkpoint has none");
  }

  @Test
  public void load_afterSave_returnsJobCursorAndSavedAt() {
    Checkpoint saved = checkpoint("job-a", "cursor-1", 0);

    store.save(saved);

    assertEquals(Optional.of(saved), store.load("job-a"),
        "load returns the checkpoint saved: job id, cursor and savedAt (to the millisecond)");
  }

  @Test
  public void save_again_replacesPrevious() {
    store.save(checkpoint("job-a", "cursor-1", 0));
    Checkpoint second = checkpoint("job-a", "cursor-2", 1);

    store.save(second);

    assertEquals(Optional.of(second), store.load("job-a"), "saving again replaces the checkpoint");
  }

  @Test
  public void save_twoJobs_keptApart() {
    Checkpoint a = checkpoint("job-a", "cursor-a", 0);
    Checkpoint b = checkpoint("job-b", "cursor-b", 1);

    store.save(a);
    store.save(b);

    assertEquals(Optional.of(a), store.load("job-a"), "one job's save leaves another job's alone");
    assertEquals(Optional.of(b), store.load("job-b"), "each job loads its own checkpoint");
  }

  @Test
  public void save_cursorWithAnyText_roundTrips() {
    String cursor = "{\"since\":\"2026-11-22T10:00:00Z\",\"ids\":[\"a/b\",\"c'd\",\"Zürich\"]}";

    store.save(checkpoint("job-a", cursor, 0));

    assertEquals(cursor, store.load("job-a").map(c -> c.cursor().value()).orElse(null),
        "a cursor is opaque text and comes back unchanged");
  }

  @Test
  public void save_concurrentJobs_eachKeepsItsLastCheckpoint() {
    int saves = 20;

    Concurrently.run(threads(), t -> {
      for (int i = 0; i < saves; i++) {
        store.save(checkpoint("job-" + t, "cursor-" + i, i));
      }
    });

    for (int t = 0; t < threads(); t++) {
      assertEquals(Optional.of(checkpoint("job-" + t, "cursor-" + (saves - 1), saves - 1)),
          store.load("job-" + t),
          "concurrent saves of different jobs do not interfere: job-" + t + " keeps its last");
    }
  }

  @Test
  public void save_concurrentSameJob_loadsOneWholeCheckpoint() {
    Set<Checkpoint> saved = new HashSet<>();
    for (int t = 0; t < threads(); t++) {
      saved.add(checkpoint("job-a", "cursor-" + t, t));
    }

    Concurrently.run(threads(), t -> store.save(checkpoint("job-a", "cursor-" + t, t)));

    Checkpoint loaded = store.load("job-a")
        .orElseGet(() -> fail("a job that saved concurrently has a checkpoint"));
    assertTrue(saved.contains(loaded),
        () -> "concurrent saves of one job leave one of them whole, never a mix: " + loaded);
  }
}
