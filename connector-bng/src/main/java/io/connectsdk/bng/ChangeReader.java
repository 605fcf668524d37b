package io.connectsdk.bng;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Incremental reads: {@code GET /{resource}?updated_since=&limit=&cursor=}, ordered by
 * ({@code updated_at}, {@code id}), with the position kept in a {@link ChangeCursor}. After the
 * last page the cursor keeps the BNG cursor that fetched it, so the next run asks the same question
 * again and skips what it already handed out; if BNG refuses that cursor (expired), the read
 * restarts at the last record's {@code updated_at} (inclusive) and skips by position. Thread-safe.
 */
final class ChangeReader {
  static final int MAX_LIMIT = 500;
  /** Pages read in one call whose records were all handed out before (a bound, not a target). */
  private static final int MAX_SKIPPED_PAGES = 1_000;

  private final String system;
  private final BngHttp http;

  ChangeReader(String system, BngHttp http) {
    this.system = system;
    this.http = http;
  }

  Page read(Resource resource, Cursor cursor, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    int pageSize = Math.min(limit, MAX_LIMIT);
    ChangeCursor state = ChangeCursor.parse(system, cursor);
    boolean restarted = false;
    for (int skipped = 0; skipped <= MAX_SKIPPED_PAGES; skipped++) {
      Reply reply = http.get(url(resource, state, pageSize));
      if (!reply.ok()) {
        if (!state.page().isEmpty() && !restarted && reply.is(BngErrors.VALIDATION)) {
          state = state.restartAtLast(); // the saved BNG cursor is no longer accepted
          restarted = true;
          continue;
        }
        throw http.toException(reply);
      }
      JsonNode body = reply.response().body();
      JsonNode data = body.path("data");
      if (!data.isArray()) {
        throw new PermanentException(system, "GET /" + resource.path + " answered without data");
      }
      String next = body.path("next_cursor").isTextual() ? body.get("next_cursor").asText() : "";
      List<Entity> out = new ArrayList<>(data.size());
      ChangeCursor after = state;
      for (JsonNode n : data) {
        if (!n.isObject()) {
          throw new PermanentException(system, "a " + resource.path + " entry is not an object");
        }
        Instant at = Records.updatedAt(system, n);
        String id = n.path("id").asText("");
        if (state.isAfterLast(at, id)) {
          after = after.withLast(n.path("updated_at").asText(), id);
          out.add(Records.toEntity(system, resource, (ObjectNode) n));
        }
      }
      if (!next.isEmpty()) {
        if (out.isEmpty()) {
          state = after.withPage(next); // a page handed out before: read on
          continue;
        }
        return new Page(out, after.withPage(next).encode(), true);
      }
      ChangeCursor end = state.page().isEmpty() ? after.restartAtLast() : after;
      return Page.last(out, end.encode());
    }
    throw new PermanentException(system, "GET /" + resource.path + ": more than "
        + MAX_SKIPPED_PAGES + " pages of records already read; the cursor does not advance");
  }

  private HttpUrl url(Resource resource, ChangeCursor state, int pageSize) {
    HttpUrl.Builder b = http.url(resource.path).newBuilder();
    if (!state.since().isEmpty()) {
      b.addQueryParameter("updated_since", state.since());
    }
    b.addQueryParameter("limit", Integer.toString(pageSize));
    if (!state.page().isEmpty()) {
      b.addQueryParameter("cursor", state.page());
    }
    return b.build();
  }
}
