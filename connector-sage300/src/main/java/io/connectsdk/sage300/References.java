package io.connectsdk.sage300;

import io.connectsdk.core.sync.ContentHash;

/**
 * The value stored in a document's reference field to find it again on a retry. A source
 * reference that fits is stored as is; a longer one is shortened deterministically to its first
 * characters, {@code ~} and 12 hex digits of its SHA-256, so the same source always maps to the
 * same value and two sources collide only with probability 2^-48.
 */
final class References {
  private static final int HASH_CHARS = 12;

  private References() {}

  static String of(String sourceRef, int maxLength) {
    if (sourceRef.isEmpty()) {
      throw new IllegalArgumentException("a document write needs a sourceRef");
    }
    if (sourceRef.length() <= maxLength) {
      return sourceRef;
    }
    String hash = ContentHash.ofText(sourceRef).substring(0, HASH_CHARS);
    int cut = maxLength - HASH_CHARS - 1;
    if (Character.isHighSurrogate(sourceRef.charAt(cut - 1))) {
      cut--; // never split a character in two
    }
    return sourceRef.substring(0, cut) + "~" + hash;
  }
}
