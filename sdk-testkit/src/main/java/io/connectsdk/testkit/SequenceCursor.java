package io.connectsdk.testkit;

import io.connectsdk.core.spi.Cursor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Encodes a change sequence number as an opaque {@link Cursor} and back. */
final class SequenceCursor {
  private static final String PREFIX = "memseq:";

  private SequenceCursor() {}

  static Cursor encode(long sequence) {
    byte[] raw = (PREFIX + sequence).getBytes(StandardCharsets.US_ASCII);
    return Cursor.of(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
  }

  /** The sequence number in the cursor; 0 for {@link Cursor#BEGINNING}. */
  static long decode(Cursor cursor) {
    if (cursor.isBeginning()) {
      return 0;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor.value()),
          StandardCharsets.US_ASCII);
      if (raw.startsWith(PREFIX)) {
        long sequence = Long.parseLong(raw.substring(PREFIX.length()));
        if (sequence >= 0) {
          return sequence;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below; NumberFormatException is an IllegalArgumentException
    }
    throw new IllegalArgumentException("not a cursor of an InMemoryConnector: " + cursor.value());
  }
}
