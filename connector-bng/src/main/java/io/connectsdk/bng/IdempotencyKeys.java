package io.connectsdk.bng;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key} BNG sees for a create: a SHA-256 of the connector instance, the
 * resource and the engine's key, so the same engine key always gives the same BNG key (a create
 * retried after a lost answer gets the first record back) and two instances or resources never
 * share one. The engine's key never leaves the process as is (it names source records).
 */
final class IdempotencyKeys {
  private IdempotencyKeys() {}

  static String derive(String system, Resource resource, String engineKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((system + "\n" + resource.path + "\n" + engineKey)
          .getBytes(StandardCharsets.UTF_8));
      return "csdk_" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
