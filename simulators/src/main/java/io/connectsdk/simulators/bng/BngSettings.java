package io.connectsdk.simulators.bng;

import io.connectsdk.simulators.base.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The fixed configuration of one BNG simulator, copied out of the builder.
 *
 * @param clock time of records, tokens, the rate limiter and webhook signatures
 * @param seed seed of the fault and token Randoms
 * @param clients OAuth client id to secret; each client id is a tenant
 * @param tokenTtl lifetime of an access token ({@code expires_in})
 * @param ratePerSecond tokens added to each tenant's bucket per second
 * @param burst bucket size
 * @param defaultLimit page size of a list without {@code limit}
 * @param sleeper how injected latency is waited out
 */
record BngSettings(Clock clock, long seed, Map<String, String> clients, Duration tokenTtl,
    double ratePerSecond, int burst, int defaultLimit, Sleeper sleeper) {
  BngSettings {
    clients = Map.copyOf(clients);
  }

  @Override
  public String toString() {
    return "BngSettings[clients=" + clients.keySet() + ", tokenTtl=" + tokenTtl + ", rate="
        + ratePerSecond + "/s burst " + burst + ", defaultLimit=" + defaultLimit + "]";
  }
}
