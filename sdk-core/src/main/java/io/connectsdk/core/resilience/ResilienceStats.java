package io.connectsdk.core.resilience;

/**
 * A snapshot of a policy's counters since it was built.
 *
 * @param calls calls to {@code execute}
 * @param attempts attempts that reached the remote call (first tries and retries)
 * @param retries backoff waits before a further attempt
 * @param successes calls that returned a value
 * @param failures calls that threw
 * @param circuitOpens times the circuit breaker opened
 * @param circuitRejections calls refused because the circuit was open
 * @param bulkheadRejections attempts refused because the bulkhead stayed full
 * @param rateLimitWaits attempts that had to wait for a rate-limit permit
 */
public record ResilienceStats(
    long calls,
    long attempts,
    long retries,
    long successes,
    long failures,
    long circuitOpens,
    long circuitRejections,
    long bulkheadRejections,
    long rateLimitWaits) {}
