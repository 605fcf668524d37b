package io.connectsdk.examples;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.Secret;
import io.connectsdk.core.Sleeper;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.resilience.StandardResiliencePolicy;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.store.Stores;
import io.connectsdk.sage300.Sage300Connector;
import io.connectsdk.simulators.sage300.Sage300Simulator;
import io.connectsdk.testkit.ConnectorOperation;
import io.connectsdk.testkit.InMemoryConnector;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * Everything the demo runs against, all inside this JVM: the Sage 300 Web API simulator on
 * loopback with injected faults, a {@link Sage300Connector} pointed at it, an in-memory stand-in
 * for BNG (the real BNG connector arrives later) and in-memory stores. Closing it stops the
 * simulator and the connector, so nothing keeps the JVM alive. Not thread-safe to build or close;
 * the parts themselves are thread-safe.
 */
final class DemoEnvironment implements AutoCloseable {
  static final String COMPANY = "SAMINC";
  static final String SAGE_USER = "SYNC";
  /** The connector's cap on requests in flight to Sage 300 (its default, stated for the demo). */
  static final int SAGE_MAX_CONCURRENCY = 2;
  static final double ERROR_500_RATE = 0.10;
  static final double TOO_MANY_REQUESTS_RATE = 0.05;
  static final double RESET_RATE = 0.05;
  static final double LOST_RESPONSE_RATE = 0.05;
  static final Duration BNG_RETRY_AFTER = Duration.ofSeconds(1);

  private final Sage300Simulator simulator;
  private final StandardResiliencePolicy sagePolicy;
  private final Sage300Connector sage;
  private final InMemoryConnector bng;
  private final Stores stores = Stores.inMemory();
  private final Secret password;

  /**
   * Starts the simulator and builds the connectors.
   *
   * @param sleeper how retries wait ({@link Sleeper#system()} for the demo; a fake clock in tests)
   */
  private final ResiliencePolicy bngPolicy;

  DemoEnvironment(Sleeper sleeper) {
    requireNonNull(sleeper, "sleeper");
    // the password only lives in this process; a real app reads it from its secret store
    password = Secret.of("demo-" + Long.toHexString(System.nanoTime()));
    simulator = Sage300Simulator.builder()
        .companies(COMPANY)
        .user(SAGE_USER, password.reveal(), true)
        .build()
        .start();
    try {
      simulator.errorRate(500, ERROR_500_RATE)
          .tooManyRequestsRate(TOO_MANY_REQUESTS_RATE)
          .resetRate(RESET_RATE)
          .resetAfterApplyRate(LOST_RESPONSE_RATE);
      sagePolicy = ResiliencePolicy.builder()
          .system("sage300")
          .maxAttempts(8)
          .backoff(Duration.ofMillis(20), 2.0, Duration.ofMillis(500))
          // a quarter of all requests fail on purpose here; the breaker is for real outages
          .circuitBreaker(20, 40, Duration.ofSeconds(10))
          .sleeper(sleeper)
          .build();
      sage = Sage300Connector.builder()
          .baseUrl(HttpUrl.get(simulator.baseUrl()))
          .company(COMPANY)
          .user(SAGE_USER)
          .password(password)
          .maxConcurrentRequests(SAGE_MAX_CONCURRENCY)
          .resiliencePolicy(sagePolicy)
          .sleeper(sleeper)
          .build();
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
    bng = InMemoryConnector.builder()
        .system("bng")
        .type(EntityType.CUSTOMER, Capabilities.readWrite(100))
        .type(EntityType.SALES_ORDER, Capabilities.readWrite(100))
        .build();
    // BNG allows 10 requests/second; its first answer here is a 429 that the source's own policy
    // waits out (the engine calls each connector once per call; the connector's policy retries)
    bng.faults().rateLimitNext(ConnectorOperation.READ, 1, BNG_RETRY_AFTER);
    bngPolicy = ResiliencePolicy.builder().system("bng").maxAttempts(4)
        .backoff(Duration.ofMillis(20), 2.0, Duration.ofSeconds(2)).sleeper(sleeper).build();
  }

  /** Wraps every call to the BNG stand-in, as a BNG connector's own policy would. */
  ResiliencePolicy bngPolicy() {
    return bngPolicy;
  }

  /** The Sage 300 password; only for tests that check it is never printed. */
  Secret sagePassword() {
    return password;
  }

  Sage300Simulator simulator() {
    return simulator;
  }

  Sage300Connector sage() {
    return sage;
  }

  /** The resilience policy around every Sage 300 call (its stats count the retries). */
  StandardResiliencePolicy sagePolicy() {
    return sagePolicy;
  }

  InMemoryConnector bng() {
    return bng;
  }

  Stores stores() {
    return stores;
  }

  @Override
  public void close() {
    try {
      sage.close();
      bng.close();
    } finally {
      simulator.close();
    }
  }
}
