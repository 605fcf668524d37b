package io.connectsdk.simulators.sage300;

import static java.util.Objects.requireNonNull;

import io.connectsdk.simulators.base.SimFault;

/**
 * One scripted outcome for {@link Sage300Simulator#script(Sage300Fault...)}: the next request gets
 * this instead of (or, for {@link #resetAfterApply()}, after) normal handling. A Sage-flavoured
 * view of the shared {@link SimFault}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Sage300Fault {
  final SimFault fault;

  private Sage300Fault(SimFault fault) {
    this.fault = fault;
  }

  /** Handle the request normally (a placeholder in a script). */
  public static Sage300Fault pass() {
    return new Sage300Fault(SimFault.pass());
  }

  /**
   * Answer with an error body of the given status and Sage error code.
   *
   * @throws IllegalArgumentException if the status is not 4xx or 5xx
   */
  public static Sage300Fault error(int status, String code, String message) {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    return new Sage300Fault(SimFault.error(status, code, message));
  }

  /** 500 with code InternalServerError. */
  public static Sage300Fault internalServerError() {
    return error(500, "InternalServerError", "An error has occurred.");
  }

  /** 503 with code SessionError (the ERP session pool failed). */
  public static Sage300Fault sessionError() {
    return error(503, "SessionError", "Unable to create a session for the company.");
  }

  /** 429 with code TooManyRequests, as if the server were overloaded. */
  public static Sage300Fault tooManyRequests() {
    return error(429, "TooManyRequests", "The server is busy. Try again later.");
  }

  /** Read the request, then close the connection without answering or applying anything. */
  public static Sage300Fault reset() {
    return new Sage300Fault(SimFault.reset());
  }

  /** Apply the request (a write takes effect), then close the connection: a lost response. */
  public static Sage300Fault resetAfterApply() {
    return new Sage300Fault(SimFault.resetAfterApply());
  }

  /** The Sage error of an error fault; a drawn fault without a code gets the status's default. */
  static SageError asError(SimFault fault) {
    if (fault.code() != null) {
      return new SageError(fault.status(), fault.code(), fault.message());
    }
    return switch (fault.status()) {
      case 429 -> tooManyRequests().asError();
      case 503 -> sessionError().asError();
      default -> internalServerError().asError();
    };
  }

  SageError asError() {
    return asError(fault);
  }

  @Override
  public String toString() {
    return fault.kind() == SimFault.Kind.ERROR
        ? "Sage300Fault[" + fault.status() + " " + fault.code() + "]"
        : "Sage300Fault[" + fault.kind() + "]";
  }
}
