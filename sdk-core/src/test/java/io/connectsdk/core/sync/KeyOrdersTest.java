package io.connectsdk.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyOrdersTest {
  private final KeyOrders orders = new KeyOrders();

  @Test
  void order_unsortedKeys_givesAscendingIndexes() {
    String[] keys = {"b", "a", "c", "A"};

    int[] order = orders.order(keys, 4);

    assertThat(Arrays.copyOf(order, 4)).containsExactly(3, 1, 0, 2);
  }

  @Test
  void order_onlyFirstNKeysCount() {
    String[] keys = {"z", "y", "a", "b"};

    int[] order = orders.order(keys, 2);

    assertThat(Arrays.copyOf(order, 2)).containsExactly(1, 0);
  }

  @Test
  void order_sameNamesInOtherStringInstances_reusesRememberedOrder() {
    int[] first = orders.order(new String[] {"name", "id"}, 2);

    int[] second = orders.order(new String[] {new String("name"), new String("id")}, 2);

    assertThat(second).isSameAs(first);
  }

  @Test
  void order_sameNamesInOtherPositions_isSortedAgain() {
    orders.order(new String[] {"b", "a"}, 2);

    int[] order = orders.order(new String[] {"a", "b"}, 2);

    assertThat(Arrays.copyOf(order, 2)).containsExactly(0, 1);
  }

  @Test
  void order_moreShapesThanCapacity_staysCorrect() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(12);
      String[] keys = new String[n];
      for (int i = 0; i < n; i++) {
        keys[i] = "k" + random.nextInt(1000) + "_" + i; // distinct, like an object's keys
      }

      int[] order = orders.order(keys, n);

      String[] sorted = keys.clone();
      Arrays.sort(sorted);
      for (int i = 0; i < n; i++) {
        assertThat(keys[order[i]]).isEqualTo(sorted[i]);
      }
    }
  }
}
