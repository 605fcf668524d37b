package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Secret;

/**
 * Where and how a sender puts its webhook signature: a header {@code <headerName>: <timestampKey>=
 * <unix seconds>,<signatureKey>=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>}, where the
 * signature part may repeat (one per active secret during rotation) and unknown parts are
 * ignored. Immutable.
 */
public record SignatureScheme(String headerName, String timestampKey, String signatureKey) {
  public SignatureScheme {
    requireNonNull(headerName, "headerName");
    requireNonNull(timestampKey, "timestampKey");
    requireNonNull(signatureKey, "signatureKey");
    if (headerName.isBlank() || timestampKey.isBlank() || signatureKey.isBlank()) {
      throw new IllegalArgumentException("header name and keys must not be blank");
    }
    if (timestampKey.equals(signatureKey)) {
      throw new IllegalArgumentException("timestampKey equals signatureKey: " + timestampKey);
    }
  }

  /**
   * The header value a sender would write, e.g. for simulators and tests.
   *
   * @param unixSeconds the signing time in seconds since the epoch
   */
  public String sign(Secret secret, long unixSeconds, byte[] body) {
    requireNonNull(secret, "secret");
    requireNonNull(body, "body");
    return timestampKey + "=" + unixSeconds + "," + signatureKey + "="
        + Hmac.hex(Hmac.sign(secret, unixSeconds, body));
  }
}
