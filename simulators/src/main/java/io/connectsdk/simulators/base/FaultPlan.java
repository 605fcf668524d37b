package io.connectsdk.simulators.base;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chooses the fault for each request: first the scripted queue, else one draw of the seeded
 * {@link Random} against the configured rates, in a fixed order (the statuses in the order given
 * to the constructor, then resets, then resets after apply), so a sequential client sees a
 * reproducible run. Rates must add up to at most 1.
 *
 * <p>Thread-safe.
 */
public final class FaultPlan {
  private final Random random;
  private final Map<Integer, Double> statusRates = new LinkedHashMap<>();
  private final Deque<SimFault> script = new ArrayDeque<>();
  private double reset;
  private double resetAfterApply;
  private Duration latency = Duration.ZERO;

  /**
   * A plan without faults.
   *
   * @param random the source of the draws (seed it)
   * @param statuses the statuses a rate may be set for, in draw order
   */
  public FaultPlan(Random random, List<Integer> statuses) {
    this.random = requireNonNull(random, "random");
    for (int status : statuses) {
      statusRates.put(status, 0.0);
    }
  }

  /** The next request's fault; {@link SimFault#pass()} when none. */
  public synchronized SimFault next() {
    if (!script.isEmpty()) {
      return script.poll();
    }
    double u = random.nextDouble();
    for (Map.Entry<Integer, Double> e : statusRates.entrySet()) {
      if ((u -= e.getValue()) < 0) {
        return SimFault.error(e.getKey());
      }
    }
    if ((u -= reset) < 0) {
      return SimFault.reset();
    }
    if (u - resetAfterApply < 0) {
      return SimFault.resetAfterApply();
    }
    return SimFault.pass();
  }

  /**
   * Fraction of requests answered with this status.
   *
   * @throws IllegalArgumentException for a status not given to the constructor, a rate outside
   *     [0,1] or rates adding up to more than 1
   */
  public synchronized void statusRate(int status, double rate) {
    Double old = statusRates.get(status);
    if (old == null) {
      throw new IllegalArgumentException(
          "status must be one of " + statusRates.keySet() + ": " + status);
    }
    statusRates.put(status, withinTotal(rate, old));
  }

  /** Fraction of requests whose connection is closed before anything is applied. */
  public synchronized void resetRate(double rate) {
    reset = withinTotal(rate, reset);
  }

  /** Fraction of requests applied and then left unanswered (connection closed). */
  public synchronized void resetAfterApplyRate(double rate) {
    resetAfterApply = withinTotal(rate, resetAfterApply);
  }

  /** Delay added to every request the simulator admits; zero by default. */
  public synchronized void latency(Duration value) {
    if (requireNonNull(value, "latency").isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + value);
    }
    latency = value;
  }

  public synchronized Duration latency() {
    return latency;
  }

  /** Queues exact outcomes for the next requests, ahead of the rates. */
  public synchronized void script(List<SimFault> faults) {
    for (SimFault f : faults) {
      script.add(requireNonNull(f, "fault"));
    }
  }

  /** Queues exact outcomes for the next requests, ahead of the rates. */
  public void script(SimFault... faults) {
    script(List.of(faults));
  }

  /** Scripted outcomes not yet consumed. */
  public synchronized int scripted() {
    return script.size();
  }

  /** Removes every rate, the latency and the script. */
  public synchronized void clear() {
    script.clear();
    statusRates.replaceAll((k, v) -> 0.0);
    reset = 0;
    resetAfterApply = 0;
    latency = Duration.ZERO;
  }

  /** Returns the new rate if all rates together (old one replaced) stay within 1. */
  private double withinTotal(double rate, double old) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be within [0, 1]: " + rate);
    }
    double total = reset + resetAfterApply - old + rate;
    for (double r : statusRates.values()) {
      total += r;
    }
    if (total > 1.0 + 1e-9) {
      throw new IllegalArgumentException("fault rates add up to more than 1: " + total);
    }
    return rate;
  }
}
