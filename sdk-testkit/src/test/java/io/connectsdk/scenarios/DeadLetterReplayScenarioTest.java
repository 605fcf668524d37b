package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import io.connectsdk.testkit.RecordingListener;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records the target rejects and records the mapping cannot map land in the dead-letter queue
 * with field path and reason while the job goes on; after the mapping is fixed, a replay writes
 * them and empties the queue.
 */
class DeadLetterReplayScenarioTest {
  private static final String JOB = "bng-to-sage";

  @Test
  void replayDeadLetters_afterMappingFix_writesRejectedAndUnmappableRecords() {
    FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    for (int i = 1; i <= 20; i++) {
      boolean noEmail = i % 5 == 0; // c5, c10, c15, c20: the target rejects them
      bng.put(Customers.customer("c" + i, i == 7 ? " " : "Customer " + i,
          noEmail ? null : "c" + i + "@example.com"));
    }
    // batches of 8, as the pages: one window and one checkpoint per page
    InMemoryConnector sage = InMemoryConnector.builder().system("sage300")
        .type(CUSTOMER, io.connectsdk.core.spi.Capabilities.readWrite(8)).clock(clock).build();
    sage.faults().rejectWhere(f -> !f.has("Email"),
        WriteError.permanent("RecordInvalid", "Email is required").withField("Email"));
    Stores stores = Stores.inMemory(clock);
    RecordingListener events = new RecordingListener();
    SyncJob.Builder builder = SyncJob.builder(JOB).source(bng, CUSTOMER)
        .mapping(Customers.toSage()).target(sage, CUSTOMER).stores(stores).clock(clock)
        .sleeper(clock).pageSize(8).listener(events);

    SyncResult first = builder.build().runOnce();

    assertThat(first.read()).isEqualTo(20);
    assertThat(first.created()).isEqualTo(15);
    assertThat(first.deadLettered()).isEqualTo(5);
    assertThat(sage.count(CUSTOMER)).isEqualTo(15);
    List<DeadLetter> letters = stores.deadLetters().list(JOB, 0, 100);
    assertThat(letters).extracting(d -> d.source().id())
        .containsExactlyInAnyOrder("c5", "c7", "c10", "c15", "c20");
    DeadLetter unmappable = find(stores, "c7");
    assertThat(unmappable.error().kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(unmappable.error().code()).isEqualTo("MappingFailed");
    assertThat(unmappable.error().fieldPath()).isEqualTo("name");
    assertThat(unmappable.error().message()).isEqualTo("name: is required (required)");
    DeadLetter rejected = find(stores, "c10");
    assertThat(rejected.error().code()).isEqualTo("RecordInvalid");
    assertThat(rejected.error().fieldPath()).isEqualTo("Email");
    assertThat(rejected.error().message()).isEqualTo("Email is required");
    assertThat(rejected.record().text("name")).contains("Customer 10");
    assertThat(rejected.attempts()).isEqualTo(1);
    assertThat(rejected.firstSeen()).isEqualTo(clock.instant());
    // the job went on: every page checkpointed
    assertThat(events.count(RecordingListener.Kind.CHECKPOINT_SAVED)).isEqualTo(3);

    // fix the mapping: a placeholder name and a default e-mail address
    Mapping base = Customers.toSage();
    Mapping fixed = source -> {
      var patched = source.toBuilder();
      if (source.text("name").orElse("").isBlank()) {
        patched.field("name", "Unnamed " + source.id());
      }
      MappingResult r = base.apply(patched.build());
      if (!r.isSuccess()) {
        return r;
      }
      ObjectNode out = r.fields();
      if (!out.has("Email")) {
        out.put("Email", "unknown@example.com");
      }
      return MappingResult.success(out);
    };
    SyncJob fixedJob = builder.mapping(fixed).build();
    events.clear();

    SyncResult replay = fixedJob.replayDeadLetters();

    assertThat(replay.read()).isEqualTo(5);
    assertThat(replay.created()).isEqualTo(5);
    assertThat(replay.deadLettered()).isZero();
    assertThat(stores.deadLetters().count(JOB)).isZero();
    assertThat(events.sources(RecordingListener.Kind.RECORD_REPLAYED)).extracting(RecordRef::id)
        .containsExactlyInAnyOrder("c5", "c7", "c10", "c15", "c20");
    assertThat(sage.count(CUSTOMER)).isEqualTo(20);
    assertThat(sage.records(CUSTOMER)).extracting(e -> e.text("CustomerNumber").orElseThrow())
        .doesNotHaveDuplicates();
    // nothing new in the source: the next run writes nothing
    assertThat(fixedJob.runOnce().read()).isZero();
  }

  @Test
  void discard_removesEntryWithoutWriting() {
    FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    bng.put(Customers.customer("c1", "", "a@example.com"));
    InMemoryConnector sage = InMemoryConnector.builder().system("sage300").type(CUSTOMER)
        .clock(clock).build();
    Stores stores = Stores.inMemory(clock);
    SyncJob job = SyncJob.builder(JOB).source(bng, CUSTOMER).mapping(Customers.toSage())
        .target(sage, CUSTOMER).stores(stores).clock(clock).sleeper(clock).build();
    job.runOnce();

    assertThat(stores.deadLetters().discard(find(stores, "c1").id())).isTrue();

    assertThat(job.replayDeadLetters().read()).isZero();
    assertThat(sage.count(CUSTOMER)).isZero();
  }

  private static DeadLetter find(Stores stores, String id) {
    return stores.deadLetters()
        .find(JOB, "sage300:customer", new RecordRef("bng", CUSTOMER, id)).orElseThrow();
  }
}
