package io.connectsdk.simulators.base;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request counters for tests: total, per "METHOD path-key", in-flight and peak. Thread-safe.
 */
public final class CallCounters {
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  /** Marks a request as arrived and returns how many are now in flight, itself included. */
  public int enter() {
    total.incrementAndGet();
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    return now;
  }

  public void exit() {
    inFlight.decrementAndGet();
  }

  public void count(String method, String resourcePath) {
    calls.computeIfAbsent(key(method, resourcePath), k -> new AtomicLong()).incrementAndGet();
  }

  public long calls(String method, String resourcePath) {
    AtomicLong n = calls.get(key(method, resourcePath));
    return n == null ? 0 : n.get();
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  public long total() {
    return total.get();
  }

  public int inFlight() {
    return inFlight.get();
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  public void reset() {
    calls.clear();
    total.set(0);
    maxInFlight.set(inFlight.get());
  }

  private static String key(String method, String resourcePath) {
    return method + " " + resourcePath;
  }
}
