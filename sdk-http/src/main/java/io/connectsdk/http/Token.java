package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Secret;
import java.time.Instant;

/**
 * An access token and when it expires ({@link Instant#MAX} if the server did not say). Its
 * {@code toString} masks the value.
 */
public record Token(Secret value, Instant expiresAt) {
  public Token {
    requireNonNull(value, "value");
    requireNonNull(expiresAt, "expiresAt");
  }

  /** A token that does not expire by itself. */
  public static Token of(String value) {
    return new Token(Secret.of(value), Instant.MAX);
  }

  @Override
  public String toString() {
    return "Token[***, expiresAt=" + expiresAt + "]";
  }
}
