package io.connectsdk.core.event;

import io.connectsdk.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over {@code timestamp + "." + body}. */
final class Hmac {
  private static final String ALGORITHM = "HmacSHA256";

  private Hmac() {}

  static byte[] sign(Secret secret, long timestamp, byte[] body) {
    byte[] key = secret.revealBytes();
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is required of every Java platform; its absence is a broken runtime.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
