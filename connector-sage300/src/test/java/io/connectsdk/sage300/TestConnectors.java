package io.connectsdk.sage300;

import io.connectsdk.core.Secret;
import io.connectsdk.testkit.FakeClock;
import mockwebserver3.MockWebServer;

/** Connectors wired to a MockWebServer on loopback, with a fake clock for backoff. */
final class TestConnectors {
  static final String PASSWORD = "s3cr3t-Pa55";

  private TestConnectors() {}

  static Sage300ConnectorBuilder builder(MockWebServer server, FakeClock clock) {
    return Sage300Connector.builder()
        .baseUrl(server.url("/"))
        .company("SAMINC")
        .user("WEBAPI")
        .password(Secret.of(PASSWORD))
        .sleeper(clock)
        .clock(clock);
  }

  static FakeClock clock() {
    return FakeClock.at("2026-11-22T10:00:00Z");
  }
}
