package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.sync.ContentHash;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import io.connectsdk.http.PageGuard;
import okhttp3.HttpUrl;

/**
 * Incremental reads: sweeps of {@code $filter=<changeField> ge <day>}, with day-granularity
 * de-duplication kept in a {@link ChangeCursor}.
 *
 * <p>Paging: {@code $top} limits the whole answer in OData (the server then pages it by its own
 * page size through {@code @odata.nextLink}), so a sweep asks for windows of {@code
 * $top=pageSize&$skip=n}, follows each window's {@code @odata.nextLink} verbatim, and opens the
 * next window when a window came back full. Records are emitted in the server's order, which is
 * the ERP view's key order; {@code $orderby} is unconfirmed and not sent. Key order is also what
 * {@code $skip} paging needs to be stable. Thread-safe.
 */
final class ChangeReader {
  private final SageClient client;
  private final int pageSize;
  private final boolean legacyDatetime;

  ChangeReader(SageClient client, int pageSize, boolean legacyDatetime) {
    this.client = requireNonNull(client, "client");
    this.pageSize = pageSize;
    this.legacyDatetime = legacyDatetime;
  }

  Page read(Resource resource, EntityType type, Cursor cursor, int limit) {
    requireNonNull(cursor, "cursor");
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    ChangeCursor state = ChangeCursor.decode(type, cursor);
    HttpUrl url = state.resume().map(this::parse).orElseGet(() -> window(resource, state));
    List<Entity> out = new ArrayList<>();
    PageGuard pages = client.pages(url);
    for (int read = 1; ; read++) {
      if (read > SageClient.MAX_PAGES) {
        throw new PermanentException(client.system(), "GET " + url.encodedPath() + ": more than "
            + SageClient.MAX_PAGES + " pages without an end; does the server honour $skip?");
      }
      JsonNode page = client.getOrThrow(url);
      JsonNode values = page.path("value");
      if (!values.isArray()) {
        throw new PermanentException(client.system(),
            "GET " + url.encodedPath() + " returned no 'value' array");
      }
      for (JsonNode json : values) {
        Entity e = Records.toEntity(resource, type, json);
        int day = resource.changeField().isPresent() && e.updatedAt().getEpochSecond() != 0
            ? (int) LocalDate.ofInstant(e.updatedAt(), ZoneOffset.UTC).toEpochDay()
            : ChangeCursor.NO_DAY;
        int keyHash = hash(e.id());
        int contentHash = hash(canonical(e));
        state.observe(day);
        if (state.known(keyHash, contentHash)) {
          continue;
        }
        if (out.size() == limit) {
          state.stopAt(url.toString());
          return new Page(out, state.encode(), true);
        }
        out.add(e);
        state.emitted(keyHash, contentHash, day);
      }
      JsonNode next = page.get("@odata.nextLink");
      if (next != null && !next.isNull() && !next.asText().isEmpty()) {
        url = pages.next(next.asText()).orElseThrow();
        state.pageDone(values.size(), url.toString());
      } else if (state.windowSize() + values.size() >= pageSize && values.size() > 0) {
        state.pageDone(values.size(), "");
        state.newWindow();
        url = window(resource, state);
        pages = client.pages(url);
        state.stopAt(url.toString());
      } else {
        state.sweepDone();
        return Page.last(out, state.encode());
      }
      if (out.size() == limit) {
        return new Page(out, state.encode(), true);
      }
    }
  }

  private HttpUrl parse(String resume) {
    HttpUrl url = HttpUrl.parse(resume);
    if (url == null) {
      throw new IllegalArgumentException("corrupt sage300 cursor: bad resume URL");
    }
    return client.checkedUrl(url);
  }

  /** The first page of the {@code $skip} window starting at the sweep's position. */
  HttpUrl window(Resource resource, ChangeCursor state) {
    HttpUrl.Builder b = client.url(resource, "").newBuilder();
    if (resource.changeField().isPresent() && state.floor().isPresent()) {
      LocalDate floor = LocalDate.ofEpochDay(state.floor().get());
      OData.option(b, "$filter",
          resource.changeField().get() + " ge " + OData.date(floor, legacyDatetime));
    }
    OData.option(b, "$top", Integer.toString(pageSize));
    if (state.position() > 0) {
      OData.option(b, "$skip", Integer.toString(state.position()));
    }
    return b.build();
  }

  private static String canonical(Entity e) {
    try {
      return Json.mapper().writeValueAsString(e.fields());
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot serialise a parsed record", ex);
    }
  }

  /** The first 32 bits of SHA-256: deterministic across JVMs and versions, unlike hashCode. */
  static int hash(String s) {
    return Integer.parseUnsignedInt(ContentHash.ofText(s).substring(0, 8), 16);
  }
}
