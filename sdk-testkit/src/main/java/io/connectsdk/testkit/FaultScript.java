package io.connectsdk.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.spi.WriteError;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The faults an {@link InMemoryConnector} will inject, scripted fluently by a test:
 *
 * <pre>{@code
 * connector.faults()
 *     .failNext(ConnectorOperation.READ, 2)                       // two TransientExceptions
 *     .rateLimitNext(ConnectorOperation.WRITE, 1, Duration.ofSeconds(3))
 *     .applyThenFailNext(1)                                       // write applied, response lost
 *     .rejectWhere(f -> f.path("email").asText().isEmpty(),
 *         WriteError.permanent("RecordInvalid", "email is required"))
 *     .crashAfterRecords(5, () -> new IllegalStateException("process killed"));
 * }</pre>
 *
 * <p>Counted faults ({@code ...Next}) queue per operation and fire in the order scripted, one per
 * call; once the queue of an operation is empty, its failure rates apply, drawn from the script's
 * {@link Random} (seeded, so runs repeat). Rejections stay until {@link #clear()}; the crash fires
 * once. Thread-safe.
 */
public final class FaultScript {
  private final String system;
  private final Map<ConnectorOperation, Deque<Counted>> queues = new EnumMap<>(ConnectorOperation.class);
  private final Map<ConnectorOperation, List<Rate>> rates = new EnumMap<>(ConnectorOperation.class);
  private final List<Rejection> rejections = new ArrayList<>();
  private Random random;
  private int crashAfter;
  private Supplier<? extends Throwable> crash;

  FaultScript(String system, Random random) {
    this.system = requireNonNull(system, "system");
    this.random = requireNonNull(random, "random");
  }

  /** The next {@code calls} calls of {@code operation} throw {@link TransientException}. */
  public FaultScript failNext(ConnectorOperation operation, int calls) {
    return throwNext(operation, calls,
        () -> new TransientException(system, "scripted transient failure of " + operation));
  }

  /** The next {@code calls} calls throw {@link RateLimitedException} with this retry-after. */
  public FaultScript rateLimitNext(ConnectorOperation operation, int calls, Duration retryAfter) {
    requireNonNull(retryAfter, "retryAfter");
    return throwNext(operation, calls,
        () -> new RateLimitedException(system, "scripted 429 on " + operation, retryAfter));
  }

  /** The next {@code calls} calls throw {@link AuthenticationException}. */
  public FaultScript authFailNext(ConnectorOperation operation, int calls) {
    return throwNext(operation, calls,
        () -> new AuthenticationException(system, "scripted authentication failure"));
  }

  /** The next {@code calls} calls throw {@link PermanentException}. */
  public FaultScript permanentFailNext(ConnectorOperation operation, int calls) {
    return throwNext(operation, calls,
        () -> new PermanentException(system, "scripted permanent failure of " + operation));
  }

  /** The next {@code calls} calls throw a fresh exception from {@code failure}. */
  public synchronized FaultScript throwNext(
      ConnectorOperation operation, int calls, Supplier<? extends RuntimeException> failure) {
    requireNonNull(operation, "operation");
    requireNonNull(failure, "failure");
    queue(operation).add(new Counted(positive(calls, "calls"), failure, false));
    return this;
  }

  /**
   * The next {@code calls} write calls are applied in full, then throw {@link TransientException}:
   * a response lost on the way back, which a retry must not turn into duplicates.
   */
  public synchronized FaultScript applyThenFailNext(int calls) {
    queue(ConnectorOperation.WRITE).add(new Counted(positive(calls, "calls"),
        () -> new TransientException(system, "scripted lost response after a write"), true));
    return this;
  }

  /** Each call of {@code operation} throws {@link TransientException} with this probability. */
  public FaultScript transientRate(ConnectorOperation operation, double probability) {
    return rate(operation, probability,
        () -> new TransientException(system, "random transient failure of " + operation));
  }

  /** Each call throws {@link RateLimitedException} with this probability. */
  public FaultScript rateLimitRate(
      ConnectorOperation operation, double probability, Duration retryAfter) {
    requireNonNull(retryAfter, "retryAfter");
    return rate(operation, probability,
        () -> new RateLimitedException(system, "random 429 on " + operation, retryAfter));
  }

  /** Replaces the random source of the failure rates (use a seeded one). */
  public synchronized FaultScript random(Random random) {
    this.random = requireNonNull(random, "random");
    return this;
  }

  /**
   * Upserts whose fields match {@code fields} are not written but answered with a {@code FAILED}
   * result carrying {@code error}. Stays until {@link #clear()}; the first matching rule wins.
   */
  public synchronized FaultScript rejectWhere(Predicate<ObjectNode> fields, WriteError error) {
    rejections.add(new Rejection(requireNonNull(fields, "fields"), requireNonNull(error, "error")));
    return this;
  }

  /** Shorthand for {@link #rejectWhere(Predicate, WriteError)} without field or retry-after. */
  public FaultScript rejectWhere(
      Predicate<ObjectNode> fields, ErrorKind kind, String code, String message) {
    return rejectWhere(fields, new WriteError(requireNonNull(kind, "kind"), code, message,
        Optional.empty(), Duration.ZERO));
  }

  /**
   * Once {@code records} more records have been written successfully (counting across calls), the
   * write throws {@code crash} right after applying the last of them, leaving the rest of its batch
   * unwritten: a process dying mid-page (use {@link SimulatedCrash}, which nothing in the engine
   * catches; an exception is a failed write call instead). Fires once; replaces an earlier crash.
   */
  public synchronized FaultScript crashAfterRecords(
      int records, Supplier<? extends Throwable> crash) {
    this.crashAfter = positive(records, "records");
    this.crash = requireNonNull(crash, "crash");
    return this;
  }

  /** Removes every scripted fault, rate, rejection and crash. */
  public synchronized FaultScript clear() {
    queues.clear();
    rates.clear();
    rejections.clear();
    crash = null;
    crashAfter = 0;
    return this;
  }

  /** Removes the counted faults and rates of one operation. */
  public synchronized FaultScript clear(ConnectorOperation operation) {
    queues.remove(requireNonNull(operation, "operation"));
    rates.remove(operation);
    return this;
  }

  /** How many counted faults are still queued for {@code operation}. */
  public synchronized int pending(ConnectorOperation operation) {
    return queue(operation).stream().mapToInt(c -> c.remaining).sum();
  }

  /** Decides the fate of one call about to start. */
  synchronized Decision next(ConnectorOperation operation) {
    Deque<Counted> queue = queue(operation);
    Counted head = queue.peek();
    if (head != null) {
      if (--head.remaining == 0) {
        queue.poll();
      }
      RuntimeException failure = requireNonNull(head.failure.get(), "scripted failure");
      return head.afterApply ? new Decision(null, failure) : new Decision(failure, null);
    }
    for (Rate rate : rates.getOrDefault(operation, List.of())) {
      if (random.nextDouble() < rate.probability) {
        return new Decision(requireNonNull(rate.failure.get(), "scripted failure"), null);
      }
    }
    return Decision.PROCEED;
  }

  /** The scripted rejection for an upsert with these fields, if any. */
  synchronized Optional<WriteError> rejection(ObjectNode fields) {
    for (Rejection r : rejections) {
      if (r.fields.test(fields.deepCopy())) {
        return Optional.of(r.error);
      }
    }
    return Optional.empty();
  }

  /** Called after each record written; returns the crash to throw when it is due. */
  synchronized Optional<Throwable> recordWritten() {
    if (crash == null || --crashAfter > 0) {
      return Optional.empty();
    }
    Throwable e = requireNonNull(crash.get(), "crash");
    crash = null;
    return Optional.of(e);
  }

  private synchronized FaultScript rate(
      ConnectorOperation operation, double probability, Supplier<RuntimeException> failure) {
    requireNonNull(operation, "operation");
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException("probability not in [0, 1]: " + probability);
    }
    rates.computeIfAbsent(operation, o -> new ArrayList<>()).add(new Rate(probability, failure));
    return this;
  }

  private Deque<Counted> queue(ConnectorOperation operation) {
    return queues.computeIfAbsent(requireNonNull(operation, "operation"), o -> new ArrayDeque<>());
  }

  private static int positive(int n, String name) {
    if (n < 1) {
      throw new IllegalArgumentException(name + " < 1: " + n);
    }
    return n;
  }

  /** What to do with one call: throw before it, throw after applying it, or proceed. */
  record Decision(RuntimeException before, RuntimeException after) {
    static final Decision PROCEED = new Decision(null, null);
  }

  private static final class Counted {
    private int remaining;
    private final Supplier<? extends RuntimeException> failure;
    private final boolean afterApply;

    Counted(int remaining, Supplier<? extends RuntimeException> failure, boolean afterApply) {
      this.remaining = remaining;
      this.failure = failure;
      this.afterApply = afterApply;
    }
  }

  private record Rate(double probability, Supplier<RuntimeException> failure) {}

  private record Rejection(Predicate<ObjectNode> fields, WriteError error) {}
}
