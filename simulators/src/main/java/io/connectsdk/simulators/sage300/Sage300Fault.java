package io.connectsdk.simulators.sage300;

import static java.util.Objects.requireNonNull;

/**
 * One scripted outcome for {@link Sage300Simulator#script(Sage300Fault...)}: the next request gets
 * this instead of (or, for {@link #resetAfterApply()}, after) normal handling.
 *
 * <p>Immutable and thread-safe.
 */
public final class Sage300Fault {
  enum Kind { PASS, ERROR, RESET, RESET_AFTER_APPLY }

  final Kind kind;
  final int status;
  final String code;
  final String message;

  private Sage300Fault(Kind kind, int status, String code, String message) {
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.message = message;
  }

  /** Handle the request normally (a placeholder in a script). */
  public static Sage300Fault pass() {
    return new Sage300Fault(Kind.PASS, 0, null, null);
  }

  /**
   * Answer with an error body of the given status and Sage error code.
   *
   * @throws IllegalArgumentException if the status is not 4xx or 5xx
   */
  public static Sage300Fault error(int status, String code, String message) {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
    }
    return new Sage300Fault(Kind.ERROR, status, code, message);
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
    return new Sage300Fault(Kind.RESET, 0, null, null);
  }

  /** Apply the request (a write takes effect), then close the connection: a lost response. */
  public static Sage300Fault resetAfterApply() {
    return new Sage300Fault(Kind.RESET_AFTER_APPLY, 0, null, null);
  }

  SageError asError() {
    return new SageError(status, code, message);
  }

  @Override
  public String toString() {
    return kind == Kind.ERROR ? "Sage300Fault[" + status + " " + code + "]"
        : "Sage300Fault[" + kind + "]";
  }
}
