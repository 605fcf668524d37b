package io.connectsdk.core.sync;

import java.util.Arrays;

/**
 * The sorted order of an object's keys, remembered for the last few key lists seen. Records of one
 * job come in a handful of shapes (a mapping writes the same fields in the same order, a parser
 * hands out interned names), so sorting the keys of every object again is wasted work: a
 * remembered shape is recognised by comparing the names, by reference first. Not thread-safe: one
 * instance per thread and nesting depth.
 */
final class KeyOrders {
  /** Shapes remembered; a job with more alternating shapes still works, it just sorts more. */
  static final int CAPACITY = 8;

  private final String[][] names = new String[CAPACITY][];
  private final int[][] orders = new int[CAPACITY][];
  private int next;

  /**
   * The indexes of {@code keys[0..n)} in ascending {@link String#compareTo} order. The returned
   * array may be longer than {@code n} and is valid until the next call; do not change it.
   */
  int[] order(String[] keys, int n) {
    for (int s = 0; s < CAPACITY; s++) {
      String[] known = names[s];
      if (known != null && sameNames(known, keys, n)) {
        return orders[s];
      }
    }
    int[] order = sort(keys, n);
    names[next] = Arrays.copyOf(keys, n);
    orders[next] = order;
    next = (next + 1) % CAPACITY;
    return order;
  }

  private static boolean sameNames(String[] known, String[] keys, int n) {
    if (known.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      String a = known[i];
      String b = keys[i];
      if (a != b && !a.equals(b)) {
        return false;
      }
    }
    return true;
  }

  /** Insertion sort of indexes: objects have few fields. */
  private static int[] sort(String[] keys, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      int k = i;
      int j = i - 1;
      while (j >= 0 && keys[order[j]].compareTo(keys[k]) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = k;
    }
    return order;
  }
}
