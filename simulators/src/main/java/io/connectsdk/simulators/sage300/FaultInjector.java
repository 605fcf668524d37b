package io.connectsdk.simulators.sage300;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Chooses the fault for each request: first the scripted queue, else one draw of the seeded
 * {@link Random} against the configured rates (so a sequential client sees a reproducible run).
 * Thread-safe.
 */
final class FaultInjector {
  private final Random random;
  private final Deque<Sage300Fault> script = new ArrayDeque<>();
  private double internalError;
  private double sessionError;
  private double tooManyRequests;
  private double reset;
  private double resetAfterApply;
  private Duration latency = Duration.ZERO;

  FaultInjector(long seed) {
    this.random = new Random(seed);
  }

  synchronized Sage300Fault next() {
    if (!script.isEmpty()) {
      return script.poll();
    }
    double u = random.nextDouble();
    if ((u -= internalError) < 0) {
      return Sage300Fault.internalServerError();
    }
    if ((u -= sessionError) < 0) {
      return Sage300Fault.sessionError();
    }
    if ((u -= tooManyRequests) < 0) {
      return Sage300Fault.tooManyRequests();
    }
    if ((u -= reset) < 0) {
      return Sage300Fault.reset();
    }
    if (u - resetAfterApply < 0) {
      return Sage300Fault.resetAfterApply();
    }
    return Sage300Fault.pass();
  }

  synchronized void errorRate(int status, double rate) {
    check(rate);
    switch (status) {
      case 500 -> internalError = withinTotal(rate, internalError);
      case 503 -> sessionError = withinTotal(rate, sessionError);
      default -> throw new IllegalArgumentException(
          "status must be 500 (InternalServerError) or 503 (SessionError): " + status);
    }
  }

  synchronized void tooManyRequestsRate(double rate) {
    tooManyRequests = withinTotal(rate, tooManyRequests);
  }

  synchronized void resetRate(double rate) {
    reset = withinTotal(rate, reset);
  }

  synchronized void resetAfterApplyRate(double rate) {
    resetAfterApply = withinTotal(rate, resetAfterApply);
  }

  synchronized void latency(Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + value);
    }
    latency = value;
  }

  synchronized Duration latency() {
    return latency;
  }

  synchronized void script(List<Sage300Fault> faults) {
    script.addAll(faults);
  }

  synchronized int scripted() {
    return script.size();
  }

  synchronized void clear() {
    script.clear();
    internalError = 0;
    sessionError = 0;
    tooManyRequests = 0;
    reset = 0;
    resetAfterApply = 0;
    latency = Duration.ZERO;
  }

  /** Returns the new rate if all rates together (old one replaced) stay within 1. */
  private double withinTotal(double rate, double old) {
    check(rate);
    double total = internalError + sessionError + tooManyRequests + reset + resetAfterApply
        - old + rate;
    if (total > 1.0 + 1e-9) {
      throw new IllegalArgumentException("fault rates add up to more than 1: " + total);
    }
    return rate;
  }

  private static void check(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be within [0, 1]: " + rate);
    }
  }
}
