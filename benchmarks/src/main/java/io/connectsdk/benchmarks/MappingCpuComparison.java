package io.connectsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.Expression;
import io.connectsdk.core.mapping.CompiledMapping;
import io.connectsdk.core.store.KeyMap;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A cross-check of the JMH ratios that holds up on a shared machine: the implementations run in
 * interleaved rounds and each round is timed in thread CPU time, so time the thread spends
 * descheduled by other processes does not count. Prints the median CPU nanoseconds per record and
 * the ratio of hand-written to each implementation's throughput. Not a replacement for JMH (no
 * fork isolation, no blackhole beyond a checksum).
 *
 * <p>Arguments: rounds (default 10), records per round (default 50000).
 */
public final class MappingCpuComparison {
  private MappingCpuComparison() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    KeyMap keyMap = Fixtures.keyMap();
    JsonNode[] customers = Pool.customers(Pool.SIZE);
    JsonNode[] orders = Pool.orders(Pool.SIZE);
    CompiledMapping customerMapping = Fixtures.customerMapping();
    CompiledMapping orderMapping = Fixtures.orderMapping(keyMap);
    HandCustomerMapping customerHand = new HandCustomerMapping();
    HandOrderMapping orderHand = new HandOrderMapping(keyMap);
    Expression customerJslt = JsltMappings.customer();
    Expression orderJslt = JsltMappings.order(keyMap);

    Map<String, Function<Integer, Object>> cases = new LinkedHashMap<>();
    cases.put("customerCompiled", i -> customerMapping.apply(customers[i]));
    cases.put("customerHandWritten", i -> customerHand.apply(customers[i]));
    cases.put("customerJslt", i -> customerJslt.apply(customers[i]));
    cases.put("orderCompiled", i -> orderMapping.apply(orders[i]));
    cases.put("orderHandWritten", i -> orderHand.apply(orders[i]));
    cases.put("orderJslt", i -> orderJslt.apply(orders[i]));

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, double[]> nanos = new LinkedHashMap<>();
    cases.keySet().forEach(k -> nanos.put(k, new double[rounds]));
    long checksum = 0;
    for (int warm = 0; warm < 3; warm++) {
      for (Function<Integer, Object> c : cases.values()) {
        checksum += run(c, perRound);
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, Function<Integer, Object>> c : cases.entrySet()) {
        long start = threads.getCurrentThreadCpuTime();
        checksum += run(c.getValue(), perRound);
        nanos.get(c.getKey())[r] = (threads.getCurrentThreadCpuTime() - start) / (double) perRound;
      }
    }
    System.out.printf(Locale.ROOT, "%-22s %12s %14s %10s%n", "case", "CPU ns/rec", "rec/CPU-s",
        "vs hand");
    for (String kind : new String[] {"customer", "order"}) {
      double hand = median(nanos.get(kind + "HandWritten"));
      for (String impl : new String[] {"Compiled", "HandWritten", "Jslt"}) {
        double m = median(nanos.get(kind + impl));
        System.out.printf(Locale.ROOT, "%-22s %12.0f %,14.0f %9.2fx%n", kind + impl, m, 1e9 / m,
            hand / m);
      }
    }
    System.out.println("(checksum " + (checksum & 0xff) + ")");
  }

  private static long run(Function<Integer, Object> c, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      // identity hash: a JsonNode hashCode would walk the whole result and bias the comparison
      sum += System.identityHashCode(c.apply(i & (Pool.SIZE - 1))) & 1;
    }
    return sum;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
