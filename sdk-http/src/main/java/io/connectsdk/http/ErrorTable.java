package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The error classification frame: a connector supplies its {@link ErrorReader} and code table;
 * this decides by the remote's code first and the HTTP status second, and whether an error rejects
 * one record or the whole call. Server text is cleaned by {@link Redactor} before it leaves.
 * Immutable and thread-safe; {@link #toBuilder()} lets a connector builder take overrides.
 *
 * <pre>{@code
 * ErrorTable errors = ErrorTable.builder("sage300", SageErrors::read)
 *     .code("TooManyRequests", ErrorKind.RATE_LIMITED)
 *     .code("RecordInvalid", ErrorKind.PERMANENT).recordLevel("RecordInvalid")
 *     .build();
 * }</pre>
 *
 * <p>By status, with no code in the table: 401/403 authentication, 429 rate-limited, 408 and 5xx
 * transient, anything else permanent. Record level: a listed code, or 409/422.
 */
public final class ErrorTable {
  private final String system;
  private final ErrorReader reader;
  private final Map<String, ErrorKind> codes;
  private final Set<String> recordLevelCodes;
  private final Set<Integer> recordLevelStatuses;

  private ErrorTable(Builder b) {
    system = b.system;
    reader = b.reader;
    codes = Map.copyOf(b.codes);
    recordLevelCodes = Set.copyOf(b.recordLevelCodes);
    recordLevelStatuses = Set.copyOf(b.recordLevelStatuses);
  }

  public static Builder builder(String system, ErrorReader reader) {
    return new Builder(requireNonNull(system, "system"), requireNonNull(reader, "reader"));
  }

  public Builder toBuilder() {
    Builder b = new Builder(system, reader);
    b.codes.putAll(codes);
    b.recordLevelCodes.addAll(recordLevelCodes);
    b.recordLevelStatuses.addAll(recordLevelStatuses);
    return b;
  }

  /**
   * The error in {@code r}: any non-2xx, or a 2xx whose body the reader recognises as an error;
   * empty for a real success.
   */
  public Optional<HttpError> failure(JsonResponse r) {
    Optional<ErrorBody> body = read(r);
    if (r.isSuccess() && body.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(classify(r.status(), body, r));
  }

  /** Classifies {@code r} as an error whatever its status. */
  public HttpError classify(JsonResponse r) {
    return classify(r.status(), read(r), r);
  }

  private Optional<ErrorBody> read(JsonResponse r) {
    try {
      return reader.read(r.body());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private HttpError classify(int status, Optional<ErrorBody> body, JsonResponse r) {
    String code = body.map(ErrorBody::code).filter(c -> !c.isBlank()).orElse("HTTP" + status);
    String message = Redactor.clean(body.map(ErrorBody::message).filter(m -> !m.isBlank())
        .orElse("HTTP " + status), r.secrets());
    code = Redactor.clean(code, r.secrets());
    ErrorKind kind = codes.get(code);
    if (kind == null) {
      kind = byStatus(status);
    }
    boolean recordLevel = kind == ErrorKind.PERMANENT
        && (recordLevelCodes.contains(code) || recordLevelStatuses.contains(status));
    return new HttpError(status, code, message, kind, r.retryAfter(), recordLevel);
  }

  private static ErrorKind byStatus(int status) {
    if (status == 401 || status == 403) {
      return ErrorKind.AUTHENTICATION;
    }
    if (status == 429) {
      return ErrorKind.RATE_LIMITED;
    }
    if (status == 408 || status >= 500) {
      return ErrorKind.TRANSIENT;
    }
    return ErrorKind.PERMANENT;
  }

  /**
   * The exception for a failed whole call; {@code what} names the call, e.g. {@code GET
   * AR/ARCustomers}.
   */
  public ConnectorException toException(HttpError e, String what) {
    String detail = what + " failed: " + e.code() + " (HTTP " + e.status() + "): " + e.message();
    return switch (e.kind()) {
      case RATE_LIMITED -> new RateLimitedException(system, detail, e.retryAfter());
      case TRANSIENT -> new TransientException(system, detail);
      case AUTHENTICATION -> new AuthenticationException(system, detail);
      case PERMANENT -> new PermanentException(system, detail);
    };
  }

  /** Builds an {@link ErrorTable}; not thread-safe. */
  public static final class Builder {
    private final String system;
    private final ErrorReader reader;
    private final Map<String, ErrorKind> codes = new HashMap<>();
    private final Set<String> recordLevelCodes = new HashSet<>();
    private final Set<Integer> recordLevelStatuses = new HashSet<>(Set.of(409, 422));

    private Builder(String system, ErrorReader reader) {
      this.system = system;
      this.reader = reader;
    }

    /** Classifies the remote's {@code code} as {@code kind}, whatever the status. */
    public Builder code(String code, ErrorKind kind) {
      codes.put(requireNonNull(code, "code"), requireNonNull(kind, "kind"));
      return this;
    }

    /** All of {@code table}, replacing earlier entries (a user's overrides). */
    public Builder codes(Map<String, ErrorKind> table) {
      requireNonNull(table, "table").forEach(this::code);
      return this;
    }

    /** These permanent codes reject one record of a write, not the call. */
    public Builder recordLevel(String... codes) {
      for (String c : codes) {
        recordLevelCodes.add(requireNonNull(c, "code"));
      }
      return this;
    }

    /** Permanent answers with this status reject one record (default 409 and 422). */
    public Builder recordLevelStatus(int... statuses) {
      for (int s : statuses) {
        recordLevelStatuses.add(s);
      }
      return this;
    }

    public ErrorTable build() {
      return new ErrorTable(this);
    }
  }
}
