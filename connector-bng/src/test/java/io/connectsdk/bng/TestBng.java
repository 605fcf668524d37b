package io.connectsdk.bng;

import io.connectsdk.core.Secret;
import io.connectsdk.simulators.bng.BngSimulator;
import io.connectsdk.testkit.FakeClock;

/** A BNG simulator and connectors on one fake clock, so pacing and backoff never sleep. */
final class TestBng implements AutoCloseable {
  static final String CLIENT = "sync";
  static final String SECRET = "s3cret-value";

  final FakeClock clock;
  final BngSimulator sim;

  private TestBng(FakeClock clock, BngSimulator sim) {
    this.clock = clock;
    this.sim = sim;
  }

  /** The simulator with its default limit of 10 requests per second, burst 20. */
  static TestBng start() {
    FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
    return new TestBng(clock, BngSimulator.builder().clock(clock).client(CLIENT, SECRET)
        .build().start());
  }

  /** A connector under default settings, on the shared clock. */
  BngConnectorBuilder connector() {
    return BngConnector.builder().baseUrl(sim.url()).clientId(CLIENT)
        .clientSecret(Secret.of(SECRET)).clock(clock).sleeper(clock);
  }

  @Override
  public void close() {
    sim.close();
  }
}
