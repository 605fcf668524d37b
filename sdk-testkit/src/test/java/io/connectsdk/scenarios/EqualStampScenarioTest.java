package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.Entity;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Two genuine changes of one record within one {@code updated_at} tick and without a version
 * counter: "equal is not newer" must not drop the second. The engine compares content when the
 * stamps are equal (equal is not older), so the second change is written.
 */
class EqualStampScenarioTest {
  private static final Instant T = Instant.parse("2026-11-22T09:00:00Z");

  @Test
  void onEvent_secondChangeWithSameUpdatedAtAndNoVersion_isWritten() {
    FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    InMemoryConnector sage = InMemoryConnector.builder().system("sage300").type(CUSTOMER)
        .clock(clock).build();
    SyncJob job = SyncJob.builder("equal-stamps").source(bng, CUSTOMER)
        .mapping(Customers.toSage()).target(sage, CUSTOMER).stores(Stores.inMemory(clock))
        .clock(clock).sleeper(clock).build();

    job.onEvent(change("Ann Lee", "1.00"));
    job.onEvent(change("Ann Lee", "2.00"));
    var third = job.onEvent(change("Ann Lee", "2.00"));

    assertThat(sage.records(CUSTOMER)).singleElement().satisfies(r ->
        assertThat(r.field("Balance").decimalValue()).isEqualByComparingTo("2.00"));
    assertThat(third.created() + third.updated()).isZero(); // same stamp, same content: skipped
  }

  private static Entity change(String name, String balance) {
    return Entity.builder(CUSTOMER, "c1").origin("bng").updatedAt(T).field("name", name)
        .field("email", "ann@example.com").field("balance", new BigDecimal(balance)).build();
  }
}
