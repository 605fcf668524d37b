package io.connectsdk.simulators.bng;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code BNG-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>[,v1=…]}. */
final class WebhookSigner {
  private WebhookSigner() {}

  static String header(long unixSeconds, String body, List<String> secrets) {
    StringBuilder sb = new StringBuilder("t=").append(unixSeconds);
    for (String secret : secrets) {
      sb.append(",v1=").append(hmac(secret, unixSeconds + "." + body));
    }
    return sb.toString();
  }

  static String hmac(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
