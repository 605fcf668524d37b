package io.connectsdk.core.resilience;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link ResilienceStats}. Thread-safe. */
final class Counters {
  final LongAdder calls = new LongAdder();
  final LongAdder attempts = new LongAdder();
  final LongAdder retries = new LongAdder();
  final LongAdder successes = new LongAdder();
  final LongAdder failures = new LongAdder();
  final LongAdder circuitOpens = new LongAdder();
  final LongAdder circuitRejections = new LongAdder();
  final LongAdder bulkheadRejections = new LongAdder();
  final LongAdder rateLimitWaits = new LongAdder();

  ResilienceStats snapshot() {
    return new ResilienceStats(calls.sum(), attempts.sum(), retries.sum(), successes.sum(),
        failures.sum(), circuitOpens.sum(), circuitRejections.sum(), bulkheadRejections.sum(),
        rateLimitWaits.sum());
  }
}
