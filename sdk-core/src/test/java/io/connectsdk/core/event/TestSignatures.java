package io.connectsdk.core.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Computes BNG signatures independently of the code under test. */
final class TestSignatures {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final long T = NOW.getEpochSecond();
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private TestSignatures() {}

  static String hmacHex(String secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static WebhookHeaders signed(String secret, long t, byte[] body) {
    return header("t=" + t + ",v1=" + hmacHex(secret, t, body));
  }

  static WebhookHeaders header(String value) {
    return WebhookHeaders.of(Map.of("BNG-Signature", List.of(value)));
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String event(String id, String type, String objectId, String updatedAt, long version) {
    return """
        {"id":"%s","type":"%s","created_at":"2026-11-22T09:59:59.000Z",\
        "data":{"object":{"id":"%s","updated_at":"%s","version":%d,"total":"12.50","weight":0.10}}}"""
        .formatted(id, type, objectId, updatedAt, version);
  }
}
