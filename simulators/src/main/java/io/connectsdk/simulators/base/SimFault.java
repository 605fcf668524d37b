package io.connectsdk.simulators.base;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One injected outcome of a request: handle it normally, answer an error status, close the
 * connection before anything is applied, or apply the request and then close the connection (a
 * lost response). Each simulator renders {@link Kind#ERROR} in its own error body.
 *
 * <p>Immutable and thread-safe.
 */
public final class SimFault {
  /** What the fault does. */
  public enum Kind { PASS, ERROR, RESET, RESET_AFTER_APPLY }

  private static final SimFault PASS = new SimFault(Kind.PASS, 0, null, null);
  private static final SimFault RESET = new SimFault(Kind.RESET, 0, null, null);
  private static final SimFault RESET_AFTER_APPLY =
      new SimFault(Kind.RESET_AFTER_APPLY, 0, null, null);

  private final Kind kind;
  private final int status;
  private final String code;
  private final String message;

  private SimFault(Kind kind, int status, String code, String message) {
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.message = message;
  }

  /** Handle the request normally (a placeholder in a script). */
  public static SimFault pass() {
    return PASS;
  }

  /**
   * Answer with the simulator's standard error body for this status.
   *
   * @throws IllegalArgumentException if the status is not 4xx or 5xx
   */
  public static SimFault error(int status) {
    return new SimFault(Kind.ERROR, checkStatus(status), null, null);
  }

  /**
   * Answer with an error of this status, system error code (or type) and message.
   *
   * @throws IllegalArgumentException if the status is not 4xx or 5xx
   */
  public static SimFault error(int status, String code, String message) {
    return new SimFault(Kind.ERROR, checkStatus(status), requireNonNull(code, "code"),
        requireNonNull(message, "message"));
  }

  /** Read the request, then close the connection without answering or applying anything. */
  public static SimFault reset() {
    return RESET;
  }

  /** Apply the request (a write takes effect), then close the connection: a lost response. */
  public static SimFault resetAfterApply() {
    return RESET_AFTER_APPLY;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status of an {@link Kind#ERROR}, else 0. */
  public int status() {
    return status;
  }

  /** The error code or type, or null for the simulator's default for the status. */
  public String code() {
    return code;
  }

  /** The error message, or null for the simulator's default for the status. */
  public String message() {
    return message;
  }

  /**
   * Runs a request under this fault: {@code route} applies it; {@code error} renders an error
   * answer. After {@link Kind#RESET_AFTER_APPLY} the outcome of {@code route} is dropped.
   */
  public SimAnswer run(Supplier<SimAnswer> route, Function<SimFault, SimAnswer> error) {
    switch (kind) {
      case ERROR:
        return error.apply(this);
      case RESET:
        return SimAnswer.reset();
      case RESET_AFTER_APPLY:
        try {
          route.get();
        } catch (RuntimeException ignored) {
          // the client never learns the outcome either way
        }
        return SimAnswer.reset();
      default:
        return route.get();
    }
  }

  private static int checkStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
    }
    return status;
  }

  @Override
  public String toString() {
    return kind == Kind.ERROR ? "SimFault[" + status + (code == null ? "" : " " + code) + "]"
        : "SimFault[" + kind + "]";
  }
}
