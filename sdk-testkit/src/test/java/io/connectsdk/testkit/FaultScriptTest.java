package io.connectsdk.testkit;

import static io.connectsdk.testkit.InMemoryConnectorTest.fields;
import static io.connectsdk.testkit.InMemoryConnectorTest.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.spi.WriteResult.Status;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultScriptTest {
  private static final EntityType CUSTOMER = EntityType.CUSTOMER;
  private final InMemoryConnector connector =
      InMemoryConnector.builder().system("crm").type(CUSTOMER).build();

  private List<WriteResult> write(WriteRequest... requests) {
    return connector.write(CUSTOMER, List.of(requests));
  }

  private Throwable readFailure() {
    return catchThrowable(() -> connector.readChanges(CUSTOMER, Cursor.BEGINNING, 10));
  }

  @Test
  void failNext_twoReads_twoTransientThenSuccess() {
    connector.faults().failNext(ConnectorOperation.READ, 2);

    assertThat(readFailure()).isExactlyInstanceOf(TransientException.class);
    assertThat(readFailure()).isExactlyInstanceOf(TransientException.class);
    assertThat(readFailure()).isNull();
    assertThat(connector.stats().readCalls()).isEqualTo(3);
    assertThat(connector.stats().thrown()).isEqualTo(2);
  }

  @Test
  void failNext_onRead_doesNotAffectOtherOperations() {
    connector.faults().failNext(ConnectorOperation.READ, 1);

    assertThat(connector.get(CUSTOMER, "x")).isEmpty();
    assertThat(connector.find(CUSTOMER, "name", "x")).isEmpty();
    assertThat(connector.faults().pending(ConnectorOperation.READ)).isEqualTo(1);
  }

  @Test
  void rateLimitNext_get_throwsRateLimitedWithRetryAfterAndSystem() {
    connector.faults().rateLimitNext(ConnectorOperation.GET, 1, Duration.ofSeconds(7));

    Throwable thrown = catchThrowable(() -> connector.get(CUSTOMER, "x"));

    assertThat(thrown).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
      assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
      assertThat(e.system()).isEqualTo("crm");
    });
  }

  @Test
  void scriptedFaults_queuedInOrder_fireInOrder() {
    connector.faults()
        .authFailNext(ConnectorOperation.FIND, 1)
        .permanentFailNext(ConnectorOperation.FIND, 1)
        .throwNext(ConnectorOperation.FIND, 1, () -> new IllegalStateException("boom"));

    assertThatThrownBy(() -> connector.find(CUSTOMER, "a", "b"))
        .isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> connector.find(CUSTOMER, "a", "b"))
        .isInstanceOf(PermanentException.class);
    assertThatThrownBy(() -> connector.find(CUSTOMER, "a", "b"))
        .isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(connector.find(CUSTOMER, "a", "b")).isEmpty();
  }

  @Test
  void failNext_write_nothingWritten() {
    connector.faults().failNext(ConnectorOperation.WRITE, 1);

    assertThatThrownBy(() -> write(upsert(fields(null, "Ada"), "k1")))
        .isInstanceOf(TransientException.class);
    assertThat(connector.count(CUSTOMER)).isZero();
    assertThat(connector.stats().writeCalls()).isEqualTo(1);
  }

  @Test
  void applyThenFailNext_write_appliedButThrowsAndRetryReturnsSameId() {
    connector.faults().applyThenFailNext(1);

    assertThatThrownBy(() -> write(upsert(fields(null, "Ada"), "k1")))
        .isInstanceOf(TransientException.class);
    assertThat(connector.count(CUSTOMER)).isEqualTo(1);

    WriteResult retry = write(upsert(fields(null, "Ada"), "k1")).get(0);
    assertThat(retry.targetId()).contains("cus_1");
    assertThat(connector.count(CUSTOMER)).isEqualTo(1);
    assertThat(connector.stats().replayed()).isEqualTo(1);
  }

  @Test
  void transientRate_halfWithSeededRandom_failsSameCallsOnEveryRun() {
    List<Boolean> first = failurePattern(42);
    List<Boolean> second = failurePattern(42);

    assertThat(first).isEqualTo(second).contains(true, false);
  }

  private static List<Boolean> failurePattern(long seed) {
    InMemoryConnector c = InMemoryConnector.builder().type(CUSTOMER).build();
    c.faults().random(new Random(seed)).transientRate(ConnectorOperation.GET, 0.5);
    Boolean[] failed = new Boolean[40];
    for (int i = 0; i < failed.length; i++) {
      failed[i] = catchThrowable(() -> c.get(CUSTOMER, "x")) instanceof TransientException;
    }
    return List.of(failed);
  }

  @Test
  void rateLimitRate_probabilityOne_everyCallRateLimited() {
    connector.faults().rateLimitRate(ConnectorOperation.READ, 1.0, Duration.ofSeconds(2));

    for (int i = 0; i < 5; i++) {
      assertThat(readFailure()).isInstanceOf(RateLimitedException.class);
    }
    assertThat(connector.stats().thrown()).isEqualTo(5);
  }

  @Test
  void transientRate_probabilityZero_neverFails() {
    connector.faults().transientRate(ConnectorOperation.READ, 0.0);

    for (int i = 0; i < 5; i++) {
      assertThat(readFailure()).isNull();
    }
  }

  @Test
  void transientRate_probabilityAboveOne_throwsIllegalArgument() {
    assertThatThrownBy(() -> connector.faults().transientRate(ConnectorOperation.READ, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failNext_zeroCalls_throwsIllegalArgument() {
    assertThatThrownBy(() -> connector.faults().failNext(ConnectorOperation.READ, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectWhere_matchingRecordInBatch_failedResultOthersWritten() {
    connector.faults().rejectWhere(f -> f.path("name").asText().isEmpty(),
        ErrorKind.PERMANENT, "RecordInvalid", "name is required");

    List<WriteResult> results = write(upsert(fields(null, "Ada"), "k1"),
        upsert(fields(null, ""), "k2"), upsert(fields(null, "Bob"), "k3"));

    assertThat(results).extracting(WriteResult::status)
        .containsExactly(Status.CREATED, Status.FAILED, Status.CREATED);
    WriteError error = results.get(1).error().orElseThrow();
    assertThat(error.kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(error.code()).isEqualTo("RecordInvalid");
    assertThat(error.message()).isEqualTo("name is required");
    assertThat(connector.count(CUSTOMER)).isEqualTo(2);
    assertThat(connector.stats().failedResults()).isEqualTo(1);
  }

  @Test
  void rejectWhere_predicateChangesFields_storedRecordUnaffected() {
    connector.faults().rejectWhere(f -> {
      f.put("name", "tampered");
      return false;
    }, WriteError.permanent("X", "x"));

    write(upsert(fields(null, "Ada"), "k1"));

    assertThat(connector.record(CUSTOMER, "cus_1").orElseThrow().text("name")).contains("Ada");
  }

  @Test
  void crashAfterRecords_twoOfFourInBatch_throwsAfterSecondAndFiresOnce() {
    connector.faults().crashAfterRecords(2, () -> new IllegalStateException("killed"));

    assertThatThrownBy(() -> write(upsert(fields(null, "a"), "k1"), upsert(fields(null, "b"), "k2"),
        upsert(fields(null, "c"), "k3"), upsert(fields(null, "d"), "k4")))
        .isInstanceOf(IllegalStateException.class).hasMessage("killed");
    assertThat(connector.records(CUSTOMER)).extracting(e -> e.text("name").orElseThrow())
        .containsExactly("a", "b");

    assertThat(write(upsert(fields(null, "c"), "k3"))).hasSize(1);
    assertThat(connector.count(CUSTOMER)).isEqualTo(3);
  }

  @Test
  void crashAfterRecords_countsAcrossCalls() {
    connector.faults().crashAfterRecords(3, () -> new IllegalStateException("killed"));
    write(upsert(fields(null, "a"), "k1"), upsert(fields(null, "b"), "k2"));

    assertThatThrownBy(() -> write(upsert(fields(null, "c"), "k3"), upsert(fields(null, "d"), "k4")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(connector.count(CUSTOMER)).isEqualTo(3);
  }

  @Test
  void clear_afterScripting_callsSucceedAndNothingPending() {
    connector.faults().failNext(ConnectorOperation.READ, 3)
        .transientRate(ConnectorOperation.READ, 1.0)
        .rejectWhere(f -> true, WriteError.permanent("X", "x"))
        .crashAfterRecords(1, () -> new IllegalStateException());

    connector.faults().clear();

    assertThat(readFailure()).isNull();
    assertThat(write(upsert(fields(null, "a"), "k1")).get(0).status()).isEqualTo(Status.CREATED);
    assertThat(connector.faults().pending(ConnectorOperation.READ)).isZero();
  }

  @Test
  void clear_oneOperation_keepsOthers() {
    connector.faults().failNext(ConnectorOperation.READ, 1).failNext(ConnectorOperation.GET, 1);

    connector.faults().clear(ConnectorOperation.READ);

    assertThat(readFailure()).isNull();
    assertThatThrownBy(() -> connector.get(CUSTOMER, "x")).isInstanceOf(TransientException.class);
  }

  @Test
  void seed_whileWriteFaultsScripted_notAffected() {
    connector.faults().failNext(ConnectorOperation.WRITE, 1);

    connector.seed(Entity.builder(CUSTOMER, "c1").field("name", "Ada").build());

    assertThat(connector.count(CUSTOMER)).isEqualTo(1);
    assertThat(connector.faults().pending(ConnectorOperation.WRITE)).isEqualTo(1);
  }
}
