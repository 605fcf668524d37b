package io.connectsdk.core.event;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A parsed signature header: one timestamp and one or more candidate signatures. Parsing never
 * throws; a malformed header yields a reason instead.
 */
final class SignatureHeader {
  /** Longer headers are refused before any work is done on them. */
  static final int MAX_LENGTH = 4096;
  private static final int SHA256_BYTES = 32;

  final long timestamp;
  final List<byte[]> signatures;
  final String problem;

  private SignatureHeader(long timestamp, List<byte[]> signatures, String problem) {
    this.timestamp = timestamp;
    this.signatures = signatures;
    this.problem = problem;
  }

  boolean isMalformed() {
    return problem != null;
  }

  static SignatureHeader parse(String value, SignatureScheme scheme) {
    if (value.length() > MAX_LENGTH) {
      return malformed("signature header longer than " + MAX_LENGTH + " characters");
    }
    Long timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    int unreadable = 0;
    for (String part : value.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue; // tolerate empty parts and future extensions
      }
      String key = part.substring(0, eq).trim();
      String val = part.substring(eq + 1).trim();
      if (key.equals(scheme.timestampKey())) {
        if (timestamp != null) {
          return malformed("more than one timestamp '" + key + "'");
        }
        if (!val.matches("[0-9]{1,12}")) {
          return malformed("timestamp '" + key + "' is not a number of seconds");
        }
        timestamp = Long.parseLong(val);
      } else if (key.equals(scheme.signatureKey())) {
        byte[] sig = decodeHex(val);
        if (sig == null) {
          unreadable++;
        } else {
          signatures.add(sig);
        }
      }
    }
    if (timestamp == null) {
      return malformed("no timestamp '" + scheme.timestampKey() + "=' in signature header");
    }
    if (signatures.isEmpty()) {
      return malformed(unreadable > 0
          ? "no well-formed '" + scheme.signatureKey() + "=' signature (expected 64 hex digits)"
          : "no '" + scheme.signatureKey() + "=' signature in signature header");
    }
    return new SignatureHeader(timestamp, List.copyOf(signatures), null);
  }

  private static byte[] decodeHex(String hex) {
    if (hex.length() != SHA256_BYTES * 2) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException notHex) {
      return null;
    }
  }

  private static SignatureHeader malformed(String problem) {
    return new SignatureHeader(0, List.of(), problem);
  }
}
