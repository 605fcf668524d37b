package io.connectsdk.core.sync;

import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.resilience.ResiliencePolicy;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs connector calls through their {@link ResiliencePolicy}, counts them, and retries whole
 * calls that still fail with a retryable {@link ConnectorException} up to the job's
 * {@code maxAttempts}, backing off exponentially through the injected sleeper and waiting at least
 * what a {@link RateLimitedException} asks for.
 */
final class Retrier {
  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
  private final JobConfig config;
  private final RunStats stats;

  Retrier(JobConfig config, RunStats stats) {
    this.config = config;
    this.stats = stats;
  }

  /**
   * Calls {@code call} under {@code policy}.
   *
   * @param records how many records the call carries (counted as failed attempts when it fails)
   * @throws ConnectorException the last failure, when it is not retryable or attempts ran out
   */
  <T> T call(ResiliencePolicy policy, String system, int records, Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return policy.execute(() -> {
          stats.apiCalls.incrementAndGet();
          return call.get();
        });
      } catch (ConnectorException e) {
        stats.failed.addAndGet(records);
        if (!e.isRetryable() || attempt >= config.maxAttempts()) {
          throw e;
        }
        Duration wait = backoff(attempt);
        if (e instanceof RateLimitedException r && r.retryAfter().compareTo(wait) > 0) {
          wait = r.retryAfter();
        }
        LOG.debug("{} call failed ({}), attempt {} of {}; retrying in {}", system, e.kind(), attempt,
            config.maxAttempts(), wait);
        sleep(system, wait);
      }
    }
  }

  /** The wait before retry number {@code attempt} (1-based): initial * 2^(attempt-1), capped. */
  Duration backoff(int attempt) {
    Duration wait = config.initialBackoff();
    for (int i = 1; i < attempt && wait.compareTo(config.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
  }

  void sleep(String system, Duration wait) {
    try {
      config.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException(system, "interrupted while backing off", e);
    }
  }
}
