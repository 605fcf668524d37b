package io.connectsdk.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.store.WriteLedger;
import io.connectsdk.testkit.FakeClock;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
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

  @Test
  public void lastHash_neverPut_isEmpty() {
    assertEquals(Optional.empty(), ledger.lastHash("sage300", EntityType.CUSTOMER, "bng:customer:1"),
        "a record never written has no last hash");
  }

  @Test
  public void putHash_thenLastHash_returnsIt() {
    ledger.putHash("sage300", EntityType.CUSTOMER, "bng:customer:1", "h1");

    assertEquals(Optional.of("h1"), ledger.lastHash("sage300", EntityType.CUSTOMER, "bng:customer:1"),
        "the hash put is the last hash");
  }

  @Test
  public void putHash_again_replacesPrevious() {
    ledger.putHash("sage300", EntityType.CUSTOMER, "k", "h1");

    ledger.putHash("sage300", EntityType.CUSTOMER, "k", "h2");

    assertEquals(Optional.of("h2"), ledger.lastHash("sage300", EntityType.CUSTOMER, "k"),
        "putting a hash again replaces the previous one");
  }

  @Test
  public void putHash_systemTypeAndKey_eachKeptApart() {
    ledger.putHash("sage300", EntityType.CUSTOMER, "k", "customer");
    ledger.putHash("sage300", EntityType.VENDOR, "k", "vendor");
    ledger.putHash("salesforce", EntityType.CUSTOMER, "k", "other-system");
    ledger.putHash("sage300", EntityType.CUSTOMER, "k2", "other-key");

    assertEquals(Optional.of("customer"), ledger.lastHash("sage300", EntityType.CUSTOMER, "k"),
        "hashes are kept per (target system, type, key): the type and system are part of it");
    assertEquals(Optional.of("vendor"), ledger.lastHash("sage300", EntityType.VENDOR, "k"),
        "hashes are kept per (target system, type, key): another type is another record");
    assertEquals(Optional.of("other-system"), ledger.lastHash("salesforce", EntityType.CUSTOMER, "k"),
        "hashes are kept per (target system, type, key): another system is another record");
  }

  @Test
  public void sourceVersion_putThenRead_keptApartFromHash() {
    ledger.putHash("sage300", EntityType.CUSTOMER, "k", "h1");

    ledger.putSourceVersion("sage300", EntityType.CUSTOMER, "k", "v7");

    assertEquals(Optional.of("v7"), ledger.lastSourceVersion("sage300", EntityType.CUSTOMER, "k"),
        "the source version put is the last source version");
    assertEquals(Optional.of("h1"), ledger.lastHash("sage300", EntityType.CUSTOMER, "k"),
        "a source version does not replace the content hash of the same record");
  }

  @Test
  public void lastSourceVersion_neverPut_isEmpty() {
    ledger.putHash("sage300", EntityType.CUSTOMER, "k", "h1");

    assertEquals(Optional.empty(), ledger.lastSourceVersion("sage300", EntityType.CUSTOMER, "k"),
        "a record whose source version was never put has none, even with a hash");
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
  public void putHash_concurrentDistinctKeys_allKept() {
    int perThread = 25;

    Concurrently.run(threads(), t -> {
      for (int i = 0; i < perThread; i++) {
        ledger.putHash("sage300", EntityType.CUSTOMER, "k-" + t + "-" + i, "h-" + t + "-" + i);
      }
    });

    for (int t = 0; t < threads(); t++) {
      for (int i = 0; i < perThread; i++) {
        String k = t + "-" + i;
        assertEquals(Optional.of("h-" + k), ledger.lastHash("sage300", EntityType.CUSTOMER, "k-" + k),
            "concurrent puts of distinct records are all kept: k-" + k);
      }
    }
  }
}
