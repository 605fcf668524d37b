package io.connectsdk.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.PermanentException;
import io.connectsdk.core.TransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private final FakeTime time = new FakeTime();
  private final AtomicInteger remoteCalls = new AtomicInteger();
  private final List<String> events = new ArrayList<>();

  private StandardResiliencePolicy policy(int failures, int ofCalls, int trials) {
    return ResiliencePolicy.builder().system("sys").sleeper(time).clock(time).noRetry()
        .circuitBreaker(failures, ofCalls, Duration.ofSeconds(30)).halfOpenTrialCalls(trials)
        .onCircuitOpened(() -> events.add("opened"))
        .onCircuitClosed(() -> events.add("closed"))
        .listener(new ResilienceListener() {
          @Override
          public void onCircuitHalfOpened() {
            events.add("half-open");
          }
        })
        .build();
  }

  private void fail(StandardResiliencePolicy policy) {
    assertThatThrownBy(() -> policy.execute(() -> {
      remoteCalls.incrementAndGet();
      throw new TransientException("sys", "503");
    })).isExactlyInstanceOf(TransientException.class);
  }

  private void succeed(StandardResiliencePolicy policy) {
    assertThat(policy.execute(() -> remoteCalls.incrementAndGet())).isPositive();
  }

  @Test
  void circuit_failuresReachThreshold_opensAndFailsFastWithoutCallingRemote() {
    StandardResiliencePolicy policy = policy(3, 5, 1);
    fail(policy);
    succeed(policy);
    fail(policy);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
    fail(policy);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
    assertThat(events).containsExactly("opened");

    assertThatThrownBy(() -> policy.execute(() -> remoteCalls.incrementAndGet()))
        .isInstanceOf(CircuitOpenException.class)
        .isInstanceOf(TransientException.class)
        .satisfies(e -> assertThat(((CircuitOpenException) e).system()).isEqualTo("sys"));

    assertThat(remoteCalls).hasValue(4);
    assertThat(policy.stats().circuitOpens()).isEqualTo(1);
    assertThat(policy.stats().circuitRejections()).isEqualTo(1);
  }

  @Test
  void circuit_oldFailuresLeaveWindow_staysClosed() {
    StandardResiliencePolicy policy = policy(2, 3, 1);
    fail(policy);
    succeed(policy);
    succeed(policy);
    fail(policy); // the first failure has left the 3-call window: 1 of 3
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
    fail(policy);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void circuit_permanentFailures_doNotOpen() {
    StandardResiliencePolicy policy = policy(1, 1, 1);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> policy.execute(() -> {
        throw new PermanentException("sys", "400");
      })).isInstanceOf(PermanentException.class);
    }
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void circuit_afterOpenDelay_halfOpensAndClosesOnSuccessfulTrials() {
    StandardResiliencePolicy policy = policy(1, 1, 2);
    fail(policy);
    time.advance(Duration.ofSeconds(29));
    assertThatThrownBy(() -> policy.execute(() -> 1)).isInstanceOf(CircuitOpenException.class);

    time.advance(Duration.ofSeconds(1));
    succeed(policy);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.HALF_OPEN);
    succeed(policy);

    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
    assertThat(events).containsExactly("opened", "half-open", "closed");
    assertThat(remoteCalls).hasValue(3);
  }

  @Test
  void circuit_halfOpenTrialFails_reopensForAnotherDelay() {
    StandardResiliencePolicy policy = policy(1, 1, 1);
    fail(policy);
    time.advance(Duration.ofSeconds(30));
    fail(policy);

    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
    time.advance(Duration.ofSeconds(29));
    assertThatThrownBy(() -> policy.execute(() -> 1)).isInstanceOf(CircuitOpenException.class);
    assertThat(events).containsExactly("opened", "half-open", "opened");
    assertThat(policy.stats().circuitOpens()).isEqualTo(2);
  }

  @Test
  void circuit_halfOpen_letsOnlyTrialCallsThrough() throws Exception {
    StandardResiliencePolicy policy = policy(1, 1, 1);
    fail(policy);
    time.advance(Duration.ofSeconds(30));
    java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();

    // While the single trial call is still running, a caller on another thread is refused.
    Object trial = policy.execute(() -> {
      remoteCalls.incrementAndGet();
      java.util.concurrent.Future<?> refused = other.submit(() -> policy.execute(() -> 1));
      assertThatThrownBy(refused::get).hasCauseInstanceOf(CircuitOpenException.class);
      return "trial";
    });
    other.shutdown();

    assertThat(trial).isEqualTo("trial");
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void circuit_halfOpen_nestedCallDoesNotStealItsOuterCallsTrialSlot() {
    StandardResiliencePolicy policy = policy(1, 1, 1);
    fail(policy);
    time.advance(Duration.ofSeconds(30));

    // an order write holding the trial slot runs its reference lookup under the same policy
    Object written = policy.execute(() -> {
      Object lookup = policy.execute(() -> remoteCalls.incrementAndGet());
      return "written after lookup " + lookup;
    });

    assertThat(written).isEqualTo("written after lookup 2");
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
    assertThat(policy.stats().calls()).isEqualTo(2); // the nested lookup is part of its outer call
  }

  @Test
  void circuit_countsCallsNotRetryAttempts() {
    StandardResiliencePolicy policy = ResiliencePolicy.builder().sleeper(time).clock(time)
        .maxAttempts(5).circuitBreaker(2, 2, Duration.ofMinutes(1)).build();
    Runnable failingCall = () -> assertThatThrownBy(() -> policy.execute(() -> {
      remoteCalls.incrementAndGet();
      throw new TransientException("sys", "503");
    })).isExactlyInstanceOf(TransientException.class);

    failingCall.run(); // 5 failed attempts are one failed call
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
    failingCall.run();
    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
    assertThatThrownBy(() -> policy.execute(() -> remoteCalls.incrementAndGet()))
        .isInstanceOf(CircuitOpenException.class);

    assertThat(remoteCalls).hasValue(10);
    assertThat(policy.stats().attempts()).isEqualTo(10);
    assertThat(policy.stats().retries()).isEqualTo(8);
  }

  @Test
  void circuit_succeedsAfterRetries_countsAsSuccess() {
    StandardResiliencePolicy policy = ResiliencePolicy.builder().sleeper(time).clock(time)
        .maxAttempts(5).circuitBreaker(1, 1, Duration.ofMinutes(1)).build();
    AtomicInteger n = new AtomicInteger();
    assertThat(policy.execute(() -> {
      if (n.incrementAndGet() < 4) {
        throw new TransientException("sys", "503");
      }
      return "ok";
    })).isEqualTo("ok");
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void circuit_openError_carriesLastFailureAsCause() {
    List<Throwable> heard = new ArrayList<>();
    StandardResiliencePolicy policy = ResiliencePolicy.builder().system("sage300").sleeper(time)
        .clock(time).noRetry().circuitBreaker(1, 1, Duration.ofSeconds(30))
        .listener(new ResilienceListener() {
          @Override
          public void onCircuitOpened(io.connectsdk.core.ConnectorException lastFailure) {
            heard.add(lastFailure);
          }
        }).build();
    TransientException refused = new TransientException("sage300", "GET /x failed: ConnectException: Connection refused");
    assertThatThrownBy(() -> policy.execute(() -> {
      throw refused;
    })).isSameAs(refused);

    assertThatThrownBy(() -> policy.execute(() -> 1))
        .isInstanceOf(CircuitOpenException.class)
        .hasCause(refused)
        .hasMessageContaining("circuit open for sage300")
        .hasMessageContaining("Connection refused");
    assertThat(heard).containsExactly(refused);
  }

  @Test
  void circuit_failureRatio_convertsToThreshold() {
    StandardResiliencePolicy policy = ResiliencePolicy.builder().sleeper(time).clock(time)
        .noRetry().circuitBreakerFailureRatio(0.5, 4, Duration.ofSeconds(5)).build();
    fail(policy);
    succeed(policy);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
    fail(policy);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void circuit_listenerThrows_callStillCompletes() {
    StandardResiliencePolicy policy = ResiliencePolicy.builder().sleeper(time).clock(time)
        .noRetry().circuitBreaker(1, 1, Duration.ofSeconds(5))
        .onCircuitOpened(() -> {
          throw new IllegalStateException("listener bug");
        }).build();

    fail(policy);

    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
  }
}
