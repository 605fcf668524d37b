package io.connectsdk.core;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A credential (password, client secret, token, signing key). Its value is only reachable through
 * {@link #reveal()}: {@code toString} is masked, so a secret that ends up in a log line, an
 * exception message or a config dump shows {@code ****}. Immutable and thread-safe.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @throws IllegalArgumentException if the value is empty
   */
  public static Secret of(String value) {
    requireNonNull(value, "secret value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("secret value is empty");
    }
    return new Secret(value);
  }

  /** The clear value, for the one place that must send it. Never log it. */
  public String reveal() {
    return value;
  }

  /** UTF-8 bytes of the clear value (a fresh array each call). */
  public byte[] revealBytes() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** Constant-time comparison with a candidate value. */
  public boolean matches(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(revealBytes(), candidate.getBytes(StandardCharsets.UTF_8));
  }

  /** Constant-time equality. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && MessageDigest.isEqual(revealBytes(), s.revealBytes());
  }

  @Override
  public int hashCode() {
    return 0; // a hash would leak information about the value; secrets are not map keys
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
