package io.connectsdk.simulators.bng;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque list cursor: the resource and the (updated_at, id) of the last record returned, so
 * a page never loses or repeats a record however many share one timestamp, and a cursor stays
 * valid while records are added.
 */
final class Cursor {
  private static final String VERSION = "c1";

  private Cursor() {}

  static String encode(Resource resource, SortKey last) {
    String raw = VERSION + "|" + resource.path + "|" + last.updatedAt().getEpochSecond() + "|"
        + last.updatedAt().getNano() + "|" + last.id();
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** @throws BngError 400 validation_error for a cursor not made here for this resource */
  static SortKey decode(Resource resource, String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|", 5);
      if (parts.length == 5 && parts[0].equals(VERSION) && parts[1].equals(resource.path)) {
        return new SortKey(
            Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3])), parts[4]);
      }
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      // fall through
    }
    throw BngError.badRequest("cursor", "is invalid");
  }
}
