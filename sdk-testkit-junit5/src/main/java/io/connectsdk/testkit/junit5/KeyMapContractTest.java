package io.connectsdk.testkit.junit5;

import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.KeyMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KeyMap} promises, as JUnit 5 tests. Extend it and return a fresh,
 * empty key map from {@link #newKeyMap()}. Each test is independent and gets its own key map;
 * assertion messages name the broken rule.
 */
public abstract class KeyMapContractTest {
  private KeyMap keyMap;

  /** A fresh key map that holds no link. */
  protected abstract KeyMap newKeyMap();

  /** How many threads the concurrency tests use. */
  protected int threads() {
    return 8;
  }

  /** The key map of the running test. */
  protected final KeyMap keyMap() {
    return keyMap;
  }

  @BeforeEach
  public final void openKeyMap() {
    keyMap = newKeyMap();
  }

  private static RecordRef bng(String id) {
    return new RecordRef("bng", EntityType.CUSTOMER, id);
  }

  private static RecordRef sage(String id) {
    return new RecordRef("sage300", EntityType.CUSTOMER, id);
  }

  @Test
  public void lookupAll_page_findsLinkedRecordsOfTheTargetTypeOnly() {
    keyMap.link(bng("cus_1"), sage("1200"));
    keyMap.link(bng("cus_2"), new RecordRef("sage300", EntityType.VENDOR, "V1"));

    Map<RecordRef, RecordRef> found = keyMap.lookupAll(
        List.of(bng("cus_1"), bng("cus_2"), bng("cus_3")), "sage300", EntityType.CUSTOMER);

    assertEquals(Map.of(bng("cus_1"), sage("1200")), found,
        "a page lookup returns the links to the target system and type, and only those");
  }

  @Test
  public void commit_linksAndUnlinks_appliedTogether() {
    keyMap.link(bng("cus_9"), sage("9900"));

    keyMap.commit(List.of(new KeyMap.Link(bng("cus_1"), sage("1200")),
        new KeyMap.Link(bng("cus_2"), sage("1300"))), List.of(sage("9900")));

    assertEquals(Optional.of(sage("1200")), keyMap.lookup(bng("cus_1"), "sage300"),
        "a committed link is found");
    assertEquals(Optional.of(bng("cus_2")), keyMap.lookup(sage("1300"), "bng"),
        "a committed link is found from its other side");
    assertEquals(Optional.empty(), keyMap.lookup(bng("cus_9"), "sage300"),
        "an unlink in the batch removes the record's links");
  }

  @Test
  public void lookup_unlinked_isEmpty() {
    assertEquals(Optional.empty(), keyMap.lookup(bng("cus_1"), "sage300"),
        "a record never linked has no link");
  }

  @Test
  public void link_lookupFromEitherSide_findsTheOther() {
    keyMap.link(bng("cus_1"), sage("1200"));

    assertEquals(Optional.of(sage("1200")), keyMap.lookup(bng("cus_1"), "sage300"),
        "a link is found from its first side");
    assertEquals(Optional.of(bng("cus_1")), keyMap.lookup(sage("1200"), "bng"),
        "a link is found from its second side");
  }

  @Test
  public void lookup_otherSystem_isEmpty() {
    keyMap.link(bng("cus_1"), sage("1200"));

    assertEquals(Optional.empty(), keyMap.lookup(bng("cus_1"), "salesforce"),
        "a lookup in a system the record is not linked to finds nothing");
  }

  @Test
  public void link_repeated_isIdempotent() {
    keyMap.link(bng("cus_1"), sage("1200"));

    keyMap.link(bng("cus_1"), sage("1200"));
    keyMap.unlink(bng("cus_1"));

    assertEquals(Optional.empty(), keyMap.lookup(sage("1200"), "bng"),
        "linking twice stores one link: one unlink removes it");
  }

  @Test
  public void link_sameSideToAnotherRecord_replacesTheOldLink() {
    keyMap.link(bng("cus_1"), sage("1200"));

    keyMap.link(bng("cus_1"), sage("1300"));

    assertEquals(Optional.of(sage("1300")), keyMap.lookup(bng("cus_1"), "sage300"),
        "relinking a record in the same system and type replaces its link");
    assertEquals(Optional.empty(), keyMap.lookup(sage("1200"), "bng"),
        "the record a link was replaced away from no longer points back");
  }

  @Test
  public void lookup_severalTypesLinked_sameTypeWins() {
    RecordRef vendor = new RecordRef("sage300", EntityType.VENDOR, "V1");
    keyMap.link(bng("cus_1"), vendor);
    keyMap.link(bng("cus_1"), sage("1200"));

    assertEquals(Optional.of(sage("1200")), keyMap.lookup(bng("cus_1"), "sage300"),
        "when several types are linked in the target system, the source's type wins");
    assertEquals(Optional.of(bng("cus_1")), keyMap.lookup(vendor, "bng"),
        "a link of another type is kept beside the same-type one");
  }

  @Test
  public void link_idsWithSeparators_keptApart() {
    keyMap.link(bng("a:b"), sage("c"));
    keyMap.link(bng("a"), sage("b:c"));

    assertEquals(Optional.of(sage("c")), keyMap.lookup(bng("a:b"), "sage300"),
        "ids containing ':' are compared whole, never split");
    assertEquals(Optional.of(sage("b:c")), keyMap.lookup(bng("a"), "sage300"),
        "ids containing ':' are compared whole, never split");
  }

  @Test
  public void unlink_removesBothDirections() {
    keyMap.link(bng("cus_1"), sage("1200"));

    keyMap.unlink(bng("cus_1"));

    assertEquals(Optional.empty(), keyMap.lookup(bng("cus_1"), "sage300"),
        "unlink removes the record's own links");
    assertEquals(Optional.empty(), keyMap.lookup(sage("1200"), "bng"),
        "unlink removes the links pointing back at the record");
  }

  @Test
  public void unlink_unlinkedRecord_isNoOp() {
    keyMap.link(bng("cus_1"), sage("1200"));

    keyMap.unlink(bng("cus_2"));

    assertEquals(Optional.of(sage("1200")), keyMap.lookup(bng("cus_1"), "sage300"),
        "unlinking a record with no link changes nothing else");
  }

  @Test
  public void link_concurrentDistinctPairs_allFoundBothWays() {
    int perThread = 25;

    Concurrently.run(threads(), t -> {
      for (int i = 0; i < perThread; i++) {
        keyMap.link(bng("cus_" + t + "_" + i), sage(t + "-" + i));
      }
    });

    for (int t = 0; t < threads(); t++) {
      for (int i = 0; i < perThread; i++) {
        String pair = t + "_" + i;
        assertEquals(Optional.of(sage(t + "-" + i)), keyMap.lookup(bng("cus_" + pair), "sage300"),
            "concurrent links of distinct records are all kept: " + pair);
        assertEquals(Optional.of(bng("cus_" + pair)), keyMap.lookup(sage(t + "-" + i), "bng"),
            "concurrent links of distinct records are all kept, both ways: " + pair);
      }
    }
  }

  @Test
  public void link_concurrentRelinksOfOneRecord_leaveOneConsistentLink() {
    Concurrently.run(threads(), t -> keyMap.link(bng("cus_1"), sage("T" + t)));

    RecordRef winner = keyMap.lookup(bng("cus_1"), "sage300").orElse(null);
    assertTrue(winner != null, "after concurrent relinks the record is linked to one of them");
    assertEquals(Optional.of(bng("cus_1")), keyMap.lookup(winner, "bng"),
        "after concurrent relinks the link found is the one pointing back");
    List<RecordRef> stale = new ArrayList<>();
    for (int t = 0; t < threads(); t++) {
      RecordRef other = sage("T" + t);
      if (!other.equals(winner) && keyMap.lookup(other, "bng").isPresent()) {
        stale.add(other);
      }
    }
    assertEquals(List.of(), stale,
        "after concurrent relinks, records whose link was replaced no longer point back");
  }
}
