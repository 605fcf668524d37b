package io.connectsdk.bng;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.connectsdk.core.Json;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.spi.Cursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The engine's opaque cursor for one BNG resource: the {@code updated_since} of the query, the BNG
 * {@code cursor} that fetches the next page (or, after the last page, the one that fetched it), and
 * the position {@code (updated_at, id)} of the last record handed out. A new run resumes with the
 * same query and skips every record at or before that position, so however many records share one
 * {@code updated_at}, none is lost or repeated. Encoded as {@code b1.} + base64url of a JSON array.
 *
 * @param since the {@code updated_since} query value, "" for none
 * @param page the BNG cursor to send, "" for none
 * @param lastAt {@code updated_at} of the last record handed out, "" before the first
 * @param lastId BNG {@code id} of that record, "" before the first
 */
record ChangeCursor(String since, String page, String lastAt, String lastId) {
  private static final String PREFIX = "b1.";
  static final ChangeCursor START = new ChangeCursor("", "", "", "");

  static ChangeCursor parse(String system, Cursor cursor) {
    if (cursor.isBeginning()) {
      return START;
    }
    String v = cursor.value();
    try {
      if (!v.startsWith(PREFIX)) {
        throw new IllegalArgumentException("no prefix");
      }
      byte[] json = Base64.getUrlDecoder().decode(v.substring(PREFIX.length()));
      JsonNode a = Json.mapper().readTree(json);
      if (a == null || !a.isArray() || a.size() != 4) {
        throw new IllegalArgumentException("not 4 parts");
      }
      ChangeCursor c = new ChangeCursor(a.get(0).asText(), a.get(1).asText(), a.get(2).asText(),
          a.get(3).asText());
      c.lastInstant(); // validates
      if (!c.since.isEmpty()) {
        Instant.parse(c.since);
      }
      return c;
    } catch (java.io.IOException | RuntimeException e) {
      throw new PermanentException(system, "not a cursor of the bng connector: "
          + (v.length() > 40 ? v.substring(0, 40) + "…" : v));
    }
  }

  Cursor encode() {
    ArrayNode a = Json.mapper().createArrayNode().add(since).add(page).add(lastAt).add(lastId);
    return Cursor.of(PREFIX + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(a.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** True if a record at {@code (at, id)} comes after the last one handed out. */
  boolean isAfterLast(Instant at, String id) {
    if (lastAt.isEmpty()) {
      return true;
    }
    int c = at.compareTo(lastInstant());
    return c > 0 || (c == 0 && id.compareTo(lastId) > 0);
  }

  ChangeCursor withPage(String newPage) {
    return new ChangeCursor(since, newPage, lastAt, lastId);
  }

  ChangeCursor withLast(String at, String id) {
    return new ChangeCursor(since, page, at, id);
  }

  /** Drops the BNG cursor and restarts the query at the last position's time (inclusive). */
  ChangeCursor restartAtLast() {
    return new ChangeCursor(lastAt.isEmpty() ? since : lastAt, "", lastAt, lastId);
  }

  private Instant lastInstant() {
    return lastAt.isEmpty() ? Instant.MIN : Instant.parse(lastAt);
  }
}
