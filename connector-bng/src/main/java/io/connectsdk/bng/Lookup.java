package io.connectsdk.bng;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.CompositeKey;
import io.connectsdk.core.PermanentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Reads single records and filtered lists: {@code GET /{resource}/{id}} (inventory: {@code
 * /inventory/{sku}/{location}}), {@code GET /{resource}?external_id=} and the other list filters
 * bng.md names. Values are sent as encoded query parameters, never spliced into a path or query by
 * hand. Thread-safe.
 */
final class Lookup {
  /** Pages one {@link #list} follows at most. */
  static final int MAX_PAGES = 100;

  private final String system;
  private final BngHttp http;

  Lookup(String system, BngHttp http) {
    this.system = system;
    this.http = http;
  }

  /** The record with this SDK id, or empty on 404. */
  Optional<ObjectNode> byId(Resource resource, String id) {
    HttpUrl url;
    if (resource.keyedBySkuAndLocation()) {
      CompositeKey key;
      try {
        key = CompositeKey.parse(id);
        url = http.url(resource.path, key.get("sku"), key.get("location"));
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // not an inventory key: no such record
      }
    } else {
      url = http.url(resource.path, id);
    }
    Reply reply = http.get(url);
    if (reply.status() == 404 || reply.is(BngErrors.NOT_FOUND)) {
      return Optional.empty();
    }
    if (!reply.ok()) {
      throw http.toException(reply);
    }
    return Optional.of(object(reply.response().body()));
  }

  /** The record holding this {@code external_id} (BNG keeps it unique per resource). */
  Optional<ObjectNode> byExternalId(Resource resource, String externalId) {
    List<ObjectNode> found = list(resource, Resource.EXTERNAL_ID, externalId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every record whose {@code field} equals {@code value}, following {@code next_cursor}. */
  List<ObjectNode> list(Resource resource, String field, String value) {
    List<ObjectNode> out = new ArrayList<>();
    String cursor = "";
    for (int page = 0; page < MAX_PAGES; page++) {
      HttpUrl.Builder b = http.url(resource.path).newBuilder()
          .addQueryParameter(field, value)
          .addQueryParameter("limit", Integer.toString(ChangeReader.MAX_LIMIT));
      if (!cursor.isEmpty()) {
        b.addQueryParameter("cursor", cursor);
      }
      Reply reply = http.get(b.build());
      if (!reply.ok()) {
        throw http.toException(reply);
      }
      JsonNode body = reply.response().body();
      for (JsonNode n : body.path("data")) {
        out.add(object(n));
      }
      JsonNode next = body.path("next_cursor");
      if (!next.isTextual() || next.asText().isEmpty() || next.asText().equals(cursor)) {
        return out;
      }
      cursor = next.asText();
    }
    throw new PermanentException(system, "GET /" + resource.path + "?" + field
        + "=…: more than " + MAX_PAGES + " pages");
  }

  private ObjectNode object(JsonNode node) {
    if (!node.isObject()) {
      throw new PermanentException(system, "BNG answered a record that is not a JSON object");
    }
    return (ObjectNode) node;
  }
}
