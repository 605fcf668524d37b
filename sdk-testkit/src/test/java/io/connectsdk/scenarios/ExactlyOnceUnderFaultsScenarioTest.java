package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.Entity;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncTarget;
import io.connectsdk.testkit.ConnectorOperation;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import io.connectsdk.testkit.RecordingListener;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * 10,000 records into a target whose write calls fail transiently 30% of the time, answer 429
 * with a retry-after, lose responses after applying them, and reject some records with a
 * record-level 429: every record ends up in the target exactly once, with no real sleeping; also
 * with the next page read and mapped ahead on other threads while a page is written.
 */
class ExactlyOnceUnderFaultsScenarioTest {
  private static final int RECORDS = 10_000;
  private static final Duration CALL_RETRY_AFTER = Duration.ofSeconds(2);
  private static final Duration RECORD_RETRY_AFTER = Duration.ofSeconds(3);
  private final ch.qos.logback.classic.Logger sdkLogger =
      (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.connectsdk");
  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @BeforeEach
  void quietLogs() {
    sdkLogger.setLevel(Level.INFO);
  }

  @AfterEach
  void resetLogs() {
    sdkLogger.setLevel(null);
    pool.shutdownNow();
  }

  /** Counts the 429s a target call threw, around each call as a resilience policy would. */
  private static final class CountingPolicy implements ResiliencePolicy {
    final AtomicInteger rateLimited = new AtomicInteger();
    final AtomicInteger transientFailures = new AtomicInteger();

    @Override
    public <T> T execute(Supplier<T> call) {
      try {
        return call.get();
      } catch (RateLimitedException e) {
        rateLimited.incrementAndGet();
        throw e;
      } catch (ConnectorException e) {
        if (e.isRetryable()) {
          transientFailures.incrementAndGet();
        }
        throw e;
      }
    }
  }

  @ParameterizedTest(name = "readAhead={0}")
  @ValueSource(booleans = {false, true})
  void runOnce_flakyTarget_everyRecordExactlyOnce(boolean readAhead) {
    FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    for (int i = 1; i <= RECORDS; i++) {
      bng.put(Customers.customer("c" + i, "Customer " + i, "c" + i + "@example.com"));
    }
    InMemoryConnector sage = InMemoryConnector.builder().system("sage300")
        .type(CUSTOMER, Capabilities.readWrite(100)).clock(clock).random(new Random(42)).build();
    Set<String> throttledOnce = new HashSet<>();
    sage.faults()
        .applyThenFailNext(3)
        .transientRate(ConnectorOperation.WRITE, 0.30)
        .rateLimitRate(ConnectorOperation.WRITE, 0.05, CALL_RETRY_AFTER)
        .rejectWhere(f -> f.path("CustomerNumber").asText().endsWith("7")
                && throttledOnce.add(f.path("CustomerNumber").asText()),
            new WriteError(ErrorKind.RATE_LIMITED, "429", "too many requests", Optional.empty(),
                RECORD_RETRY_AFTER));
    CountingPolicy policy = new CountingPolicy();
    // the connector's own policy owns call retries (the engine calls it once per call): builder
    // defaults, circuit breaker included, with more attempts for a target failing a third of calls
    ResiliencePolicy retrying = ResiliencePolicy.builder().system("sage300").maxAttempts(12)
        .backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)).maxDuration(Duration.ofHours(1))
        .sleeper(clock).clock(clock).random(new Random(7)).build();
    ResiliencePolicy connectorPolicy = new ResiliencePolicy() {
      @Override
      public <T> T execute(Supplier<T> call) {
        return retrying.execute(() -> policy.execute(call)); // counts every attempt
      }
    };
    RecordingListener events = new RecordingListener();
    Stores stores = Stores.inMemory(clock);
    SyncJob.Builder builder = SyncJob.builder("bng-to-sage").source(bng, CUSTOMER)
        .mapping(Customers.toSage())
        .target(SyncTarget.of(sage, CUSTOMER).withPolicy(connectorPolicy)).stores(stores)
        .clock(clock).sleeper(clock).pageSize(500).recordAttempts(12)
        .backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).listener(events);
    if (readAhead) {
      // the next window is read and mapped while this one is written
      builder.readAhead(pool);
    }
    SyncJob job = builder.build();

    int runs = 0;
    boolean done = false;
    while (!done && runs < 5) {
      runs++;
      try {
        job.runOnce();
        done = true;
      } catch (ConnectorException e) {
        // a call still failing after the policy's attempts (or an open circuit) stops the run;
        // the next run, a minute later as a schedule would start it, resumes from the checkpoint
        clock.advance(Duration.ofMinutes(1));
      }
    }

    assertThat(done).isTrue();
    assertThat(sage.count(CUSTOMER)).isEqualTo(RECORDS);
    assertThat(sage.records(CUSTOMER)).extracting(e -> e.text("CustomerNumber").orElseThrow())
        .doesNotHaveDuplicates().hasSize(RECORDS);
    assertThat(sage.stats().created()).isEqualTo(RECORDS);
    // the first batch was applied by calls whose responses were lost: repeats were answered from
    // the idempotency keys instead of creating again
    assertThat(sage.stats().replayed()).isPositive();
    assertThat(events.written(io.connectsdk.core.spi.WriteResult.Status.CREATED))
        .isEqualTo(RECORDS);
    assertThat(stores.deadLetters().count("bng-to-sage")).isZero();
    // every number ending in 7 was throttled once as a record and written on a later round
    assertThat(throttledOnce).hasSize(RECORDS / 10);
    assertThat(events.count(RecordingListener.Kind.RECORD_FAILED)).isPositive();
    assertThat(policy.rateLimited.get()).isPositive();
    assertThat(policy.transientFailures.get()).isGreaterThan(policy.rateLimited.get());
    // each record-level throttle was waited for (3 s per round that had one)
    assertThat(clock.totalSlept()).isGreaterThanOrEqualTo(RECORD_RETRY_AFTER);
    Entity sample = sage.records(CUSTOMER).get(0);
    assertThat(sample.field("Balance").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(runs).isLessThanOrEqualTo(5);
  }
}
