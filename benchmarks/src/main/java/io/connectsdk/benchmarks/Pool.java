package io.connectsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pools of distinct records for the mapping benchmark, each serialised and parsed back with the
 * SDK's mapper so the nodes are what a connector would hand over after reading a response.
 */
public final class Pool {
  /** Distinct records per pool: more than fit in L1/L2 caches as nodes, so no record stays hot. */
  public static final int SIZE = 1024;
  public static final int ORDER_LINES = 10;

  private Pool() {}

  public static JsonNode[] customers(int size) {
    JsonNode[] pool = new JsonNode[size];
    for (int n = 0; n < size; n++) {
      pool[n] = Fixtures.parse(BngData.customer(n).toString());
    }
    return pool;
  }

  public static JsonNode[] orders(int size) {
    JsonNode[] pool = new JsonNode[size];
    for (int n = 0; n < size; n++) {
      pool[n] = Fixtures.parse(BngData.order(n, ORDER_LINES).toString());
    }
    return pool;
  }
}
