package io.connectsdk.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.store.LedgerBatch;
import io.connectsdk.core.store.LedgerEntry;
import io.connectsdk.core.store.LedgerKey;
import io.connectsdk.core.store.LedgerPage;
import io.connectsdk.core.store.WriteLedger;
import io.connectsdk.testkit.FakeClock;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link WriteLedger} promises, as JUnit 5 tests. Extend it and return a
 * fresh, empty ledger that reads key expiry from the given clock from {@link #newLedger(Clock)}.
 * Each test is independent and gets its own ledger and {@link FakeClock}; assertion messages name
 * the broken rule.
 */
public abstract class WriteLedgerContractTest {
  private static final Duration TTL = Duration.ofHours(1);

  private FakeClock clock;
  private WriteLedger ledger;

  /** A fresh ledger that holds nothing and reads the time (key expiry) from {@code clock}. */
  protected abstract WriteLedger newLedger(Clock clock);

  /** How many threads the concurrency tests use. */
  protected int threads() {
    return 8;
  }

  /** The ledger of the running test. */
  protected final WriteLedger ledger() {
    return ledger;
  }

  /** The clock of the running test's ledger. */
  protected final FakeClock clock() {
    return clock;
  }

  @BeforeEach
  public final void openLedger() {
    clock = FakeClock.at("2026-11-22T10:00:00Z");
    ledger = newLedger(clock);
  }

  private static LedgerKey key(String system, EntityType type, String key) {
    return new LedgerKey(system, type, key);
  }

  private static LedgerKey key(String key) {
    return key("sage300", EntityType.CUSTOMER, key);
  }

  private static LedgerEntry hash(String hash) {
    return LedgerEntry.EMPTY.withContentHash(Optional.of(hash));
  }

  @Test
  public void entry_neverPut_isEmpty() {
    assertEquals(Optional.empty(), ledger.entry(key("bng:customer:1")),
        "a record never written has no entry");
  }

  @Test
  public void put_thenEntry_returnsIt() {
    ledger.put(key("bng:customer:1"), hash("h1"));

    assertEquals(Optional.of(hash("h1")), ledger.entry(key("bng:customer:1")),
        "the entry put is the entry read");
  }

  @Test
  public void put_again_replacesPrevious() {
    ledger.put(key("k"), hash("h1"));

    ledger.put(key("k"), hash("h2"));

    assertEquals(Optional.of(hash("h2")), ledger.entry(key("k")),
        "putting an entry again replaces the previous one");
  }

  @Test
  public void put_systemTypeAndKey_eachKeptApart() {
    ledger.put(key("sage300", EntityType.CUSTOMER, "k"), hash("customer"));
    ledger.put(key("sage300", EntityType.VENDOR, "k"), hash("vendor"));
    ledger.put(key("salesforce", EntityType.CUSTOMER, "k"), hash("other-system"));
    ledger.put(key("sage300", EntityType.CUSTOMER, "k2"), hash("other-key"));

    assertEquals(Optional.of(hash("customer")), ledger.entry(key("k")),
        "entries are kept per (target system, type, key): the type and system are part of it");
    assertEquals(Optional.of(hash("vendor")), ledger.entry(key("sage300", EntityType.VENDOR, "k")),
        "entries are kept per (target system, type, key): another type is another record");
    assertEquals(Optional.of(hash("other-system")),
        ledger.entry(key("salesforce", EntityType.CUSTOMER, "k")),
        "entries are kept per (target system, type, key): another system is another record");
  }

  @Test
  public void put_namedFields_eachKeptApart() {
    LedgerEntry entry = hash("h1").withSourceVersion(Optional.of("v7"))
        .withCreateIntent(Optional.of("key-1")).withTargetVersion(Optional.of("3"));

    ledger.put(key("k"), entry);

    LedgerEntry read = ledger.entry(key("k")).orElseThrow();
    assertEquals(Optional.of("h1"), read.contentHash(), "the content hash is kept");
    assertEquals(Optional.of("v7"), read.sourceVersion(), "the source version is kept");
    assertEquals(Optional.of("key-1"), read.createIntent(), "the create intent is kept");
    assertEquals(Optional.of("3"), read.targetVersion(), "the target version is kept");
  }

  @Test
  public void put_partialEntry_absentFieldsStayAbsent() {
    ledger.put(key("k"), LedgerEntry.EMPTY.withSourceVersion(Optional.of("v7")));

    LedgerEntry read = ledger.entry(key("k")).orElseThrow();
    assertEquals(Optional.empty(), read.contentHash(),
        "a record whose hash was never put has none, even with a source version");
    assertEquals(Optional.of("v7"), read.sourceVersion(), "the source version is kept");
  }

  @Test
  public void remove_thenEntry_isEmpty() {
    ledger.put(key("k"), hash("h1"));

    ledger.remove(key("k"));

    assertEquals(Optional.empty(), ledger.entry(key("k")), "a removed record has no entry");
  }

  @Test
  public void load_page_returnsKnownEntriesAndKeyResultsOnly() {
    ledger.put(key("a"), hash("ha"));
    ledger.put(key("b"), hash("hb"));
    ledger.putKeyResult("k1", "T1", TTL);

    LedgerPage page = ledger.load(List.of(key("a"), key("b"), key("missing")),
        List.of("k1", "k2"));

    assertEquals(Map.of(key("a"), hash("ha"), key("b"), hash("hb")), page.entries(),
        "a page load returns the entries of the records it knows, and only those");
    assertEquals(Map.of("k1", "T1"), page.keyResults(),
        "a page load returns the key results of live keys, and only those");
  }

  @Test
  public void commit_batch_visibleToTheNextLoad() {
    ledger.put(key("gone"), hash("old"));
    ledger.put(key("replaced"), hash("old"));

    ledger.commit(new LedgerBatch(Map.of(
        key("new"), Optional.of(hash("n")),
        key("replaced"), Optional.of(hash("r")),
        key("gone"), Optional.empty()), Map.of("k", "T"), TTL));

    LedgerPage page = ledger.load(List.of(key("new"), key("replaced"), key("gone")), List.of("k"));
    assertEquals(Map.of(key("new"), hash("n"), key("replaced"), hash("r")), page.entries(),
        "a committed batch adds, replaces and removes entries");
    assertEquals(Map.of("k", "T"), page.keyResults(), "a committed batch stores its key results");
  }

  @Test
  public void commit_concurrentBatches_allKept() {
    int perThread = 25;

    Concurrently.run(threads(), t -> {
      Map<LedgerKey, Optional<LedgerEntry>> entries = new java.util.LinkedHashMap<>();
      for (int i = 0; i < perThread; i++) {
        entries.put(key("b-" + t + "-" + i), Optional.of(hash("h-" + t + "-" + i)));
      }
      ledger.commit(new LedgerBatch(entries, Map.of(), TTL));
    });

    for (int t = 0; t < threads(); t++) {
      for (int i = 0; i < perThread; i++) {
        String k = t + "-" + i;
        assertEquals(Optional.of(hash("h-" + k)), ledger.entry(key("b-" + k)),
            "concurrent commits of distinct records are all kept: b-" + k);
      }
    }
  }

  @Test
  public void registerKey_new_isTrue() {
    assertTrue(ledger.registerKey("key-1", TTL), "registering a new idempotency key returns true");
  }

  @Test
  public void registerKey_stillRegistered_isFalse() {
    ledger.registerKey("key-1", TTL);
    clock.advance(TTL.minusSeconds(1));

    assertFalse(ledger.registerKey("key-1", TTL),
        "registering a key again before it expires returns false");
  }

  @Test
  public void registerKey_afterExpiry_isTrueAgain() {
    ledger.registerKey("key-1", TTL);
    clock.advance(TTL);

    assertTrue(ledger.registerKey("key-1", TTL),
        "a key whose time to live has passed can be registered again");
  }

  @Test
  public void registerKey_nonPositiveTtl_throwsIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> ledger.registerKey("key-1", Duration.ZERO),
        "a zero time to live is refused with IllegalArgumentException");
    assertThrows(IllegalArgumentException.class,
        () -> ledger.registerKey("key-1", Duration.ofSeconds(-1)),
        "a negative time to live is refused with IllegalArgumentException");
  }

  @Test
  public void keyResult_unknownKey_isEmpty() {
    assertEquals(Optional.empty(), ledger.keyResult("key-1"), "an unknown key has no result");
  }

  @Test
  public void keyResult_registeredWithoutResult_isEmpty() {
    ledger.registerKey("key-1", TTL);

    assertEquals(Optional.empty(), ledger.keyResult("key-1"),
        "a key registered but not yet written has no result");
  }

  @Test
  public void putKeyResult_thenKeyResult_returnsTargetId() {
    ledger.registerKey("key-1", TTL);

    ledger.putKeyResult("key-1", "1200", TTL);

    assertEquals(Optional.of("1200"), ledger.keyResult("key-1"),
        "the target id put for a key is its result");
  }

  @Test
  public void putKeyResult_second_keepsTheFirstTargetId() {
    ledger.putKeyResult("key-1", "1200", TTL);

    ledger.putKeyResult("key-1", "1300", TTL);

    assertEquals(Optional.of("1200"), ledger.keyResult("key-1"),
        "a live key keeps the target id of its first successful write");
  }

  @Test
  public void putKeyResult_unregisteredKey_registersIt() {
    ledger.putKeyResult("key-1", "1200", TTL);

    assertFalse(ledger.registerKey("key-1", TTL),
        "putting a result for an unregistered key registers it");
  }

  @Test
  public void putKeyResult_liveKey_keepsItsExpiry() {
    ledger.registerKey("key-1", Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(5));

    ledger.putKeyResult("key-1", "1200", TTL);
    clock.advance(Duration.ofSeconds(5));

    assertEquals(Optional.empty(), ledger.keyResult("key-1"),
        "putting a result for a live key keeps the key's first expiry");
  }

  @Test
  public void keyResult_afterExpiry_isEmpty() {
    ledger.putKeyResult("key-1", "1200", TTL);
    clock.advance(TTL);

    assertEquals(Optional.empty(), ledger.keyResult("key-1"),
        "a key's result is forgotten once the key expires");
  }

  @Test
  public void putKeyResult_afterExpiry_storesTheNewTargetId() {
    ledger.putKeyResult("key-1", "1200", TTL);
    clock.advance(TTL);

    ledger.putKeyResult("key-1", "1300", TTL);

    assertEquals(Optional.of("1300"), ledger.keyResult("key-1"),
        "an expired key is registered afresh with the new target id");
  }

  @Test
  public void registerKey_concurrentSameKey_exactlyOneWins() {
    AtomicInteger fresh = new AtomicInteger();

    Concurrently.run(threads(), t -> {
      if (ledger.registerKey("key-1", TTL)) {
        fresh.incrementAndGet();
      }
    });

    assertEquals(1, fresh.get(),
        "of concurrent registrations of one key exactly one returns true");
  }

  @Test
  public void putKeyResult_concurrentSameKey_allSeeOneTargetId() {
    Set<String> seen = ConcurrentHashMap.newKeySet();

    Concurrently.run(threads(), t -> {
      ledger.putKeyResult("key-1", "id-" + t, TTL);
      seen.add(ledger.keyResult("key-1").orElse("<none>"));
    });

    Set<String> offered = new HashSet<>();
    for (int t = 0; t < threads(); t++) {
      offered.add("id-" + t);
    }
    assertEquals(1, seen.size(),
        () -> "concurrent results for one key: every caller then reads the same first id " + seen);
    assertTrue(offered.containsAll(seen), () -> "the key's result is one of those put: " + seen);
  }

  @Test
  public void put_concurrentDistinctKeys_allKept() {
    int perThread = 25;

    Concurrently.run(threads(), t -> {
      for (int i = 0; i < perThread; i++) {
        ledger.put(key("k-" + t + "-" + i), hash("h-" + t + "-" + i));
      }
    });

    for (int t = 0; t < threads(); t++) {
      for (int i = 0; i < perThread; i++) {
        String k = t + "-" + i;
        assertEquals(Optional.of(hash("h-" + k)), ledger.entry(key("k-" + k)),
            "concurrent puts of distinct records are all kept: k-" + k);
      }
    }
  }
}
