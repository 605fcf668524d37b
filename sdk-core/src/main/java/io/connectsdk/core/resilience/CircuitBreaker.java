package io.connectsdk.core.resilience;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * A count-based circuit breaker driven by an injected clock (Failsafe's breaker reads {@code
 * System.nanoTime}, which tests cannot move). Thread-safe: state changes under this object's lock,
 * transition callbacks run after the lock is released.
 *
 * <p>Each permit carries the generation it was issued in; an outcome reported for an older
 * generation (a call that started before the last state change) is ignored, so slow calls from the
 * closed state cannot decide a half-open trial.
 */
final class CircuitBreaker {
  /** How a finished attempt counts. */
  enum Outcome {
    SUCCESS,
    FAILURE,
    /** Did not reach the remote, or failed for a reason that says nothing about its health. */
    IGNORED
  }

  static final long REJECTED = -1;

  private final Clock clock;
  private final int failureThreshold;
  private final boolean[] window;
  private final long openNanos;
  private final int trialCalls;
  private final Consumer<CircuitState> onTransition;

  private CircuitState state = CircuitState.CLOSED;
  private long generation;
  private int windowCount;
  private int windowNext;
  private int windowFailures;
  private long openedAt;
  private int trialsStarted;
  private int trialSuccesses;

  CircuitBreaker(PolicyConfig c, Consumer<CircuitState> onTransition) {
    this.clock = c.clock();
    this.failureThreshold = c.failureThreshold();
    this.window = new boolean[c.windowSize()];
    this.openNanos = Time.saturatedNanos(c.openDelay());
    this.trialCalls = c.halfOpenTrialCalls();
    this.onTransition = onTransition;
  }

  /** A permit (the current generation), or {@link #REJECTED} while open or trials are taken. */
  long tryAcquire() {
    CircuitState changed = null;
    long permit;
    synchronized (this) {
      if (state == CircuitState.OPEN && Time.nanos(clock) - openedAt >= openNanos) {
        changed = moveTo(CircuitState.HALF_OPEN);
      }
      if (state == CircuitState.CLOSED) {
        permit = generation;
      } else if (state == CircuitState.HALF_OPEN && trialsStarted < trialCalls) {
        trialsStarted++;
        permit = generation;
      } else {
        permit = REJECTED;
      }
    }
    fire(changed);
    return permit;
  }

  /** Reports how the attempt holding {@code permit} ended. */
  void record(long permit, Outcome outcome) {
    CircuitState changed = null;
    synchronized (this) {
      if (permit != generation) {
        return;
      }
      if (state == CircuitState.CLOSED && outcome != Outcome.IGNORED) {
        remember(outcome == Outcome.FAILURE);
        if (windowFailures >= failureThreshold) {
          changed = moveTo(CircuitState.OPEN);
        }
      } else if (state == CircuitState.HALF_OPEN) {
        if (outcome == Outcome.FAILURE) {
          changed = moveTo(CircuitState.OPEN);
        } else if (outcome == Outcome.SUCCESS && ++trialSuccesses >= trialCalls) {
          changed = moveTo(CircuitState.CLOSED);
        } else if (outcome == Outcome.IGNORED) {
          trialsStarted--; // hand the trial slot to the next caller
        }
      }
    }
    fire(changed);
  }

  synchronized CircuitState state() {
    return state;
  }

  private void remember(boolean failed) {
    if (windowCount == window.length) {
      if (window[windowNext]) {
        windowFailures--;
      }
    } else {
      windowCount++;
    }
    window[windowNext] = failed;
    if (failed) {
      windowFailures++;
    }
    windowNext = (windowNext + 1) % window.length;
  }

  private CircuitState moveTo(CircuitState next) {
    state = next;
    generation++;
    trialsStarted = 0;
    trialSuccesses = 0;
    if (next == CircuitState.OPEN) {
      openedAt = Time.nanos(clock);
    } else if (next == CircuitState.CLOSED) {
      windowCount = 0;
      windowNext = 0;
      windowFailures = 0;
    }
    return next;
  }

  private void fire(CircuitState changed) {
    if (changed != null) {
      onTransition.accept(changed);
    }
  }
}
