package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.PermanentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.connectsdk.core.CompositeKey;
import io.connectsdk.http.PageGuard;
import io.connectsdk.http.Redactor;
import okhttp3.HttpUrl;

/**
 * Reads single records: {@code GET Resource(key)} and {@code $filter=Field eq literal} lookups.
 * Thread-safe.
 */
final class RecordReader {
  /** A lookup by a field that many records share stops here rather than reading a whole table. */
  static final int MAX_FIND_RESULTS = 1000;

  private final SageClient client;
  private final int pageSize;

  RecordReader(SageClient client, int pageSize) {
    this.client = requireNonNull(client, "client");
    this.pageSize = pageSize;
  }

  /** The record with this id, or empty on RecordNotFound. */
  Optional<Entity> get(Resource resource, EntityType type, String id) {
    requireNonNull(id, "id");
    return getJson(resource, id).map(json -> Records.toEntity(resource, type, json));
  }

  /**
   * The record with this id; a record whose key is another (a server that ignored the key
   * predicate) is an error, never returned as this one.
   */
  Optional<JsonNode> getJson(Resource resource, String id) {
    HttpUrl url = client.url(resource, OData.keyPredicate(resource.key(), id));
    Optional<JsonNode> json = client.getOptional(url);
    if (json.isPresent()) {
      String got = Records.id(resource, json.get());
      if (!got.equals(id) && (resource.key().size() == 1
          || !CompositeKey.parse(got).parts().equals(CompositeKey.parse(id).parts()))) {
        throw new PermanentException(client.system(), "GET " + url.encodedPath()
            + " returned the record " + Redactor.clean(got) + ", not " + id);
      }
    }
    return json;
  }

  /**
   * Records whose {@code field} equals {@code value}.
   *
   * @throws IllegalArgumentException if the field is not on the resource's allow-list
   */
  List<Entity> find(Resource resource, EntityType type, String field, String value) {
    requireNonNull(field, "field");
    requireNonNull(value, "value");
    Boolean numeric = resource.findFields().get(field);
    if (numeric == null) {
      throw new IllegalArgumentException("sage300 cannot find " + type + " by '" + field
          + "'; allowed: " + new java.util.TreeSet<>(resource.findFields().keySet()));
    }
    List<Entity> out = new ArrayList<>();
    for (JsonNode json : findJson(resource, field, value, numeric)) {
      out.add(Records.toEntity(resource, type, json));
    }
    return out;
  }

  List<JsonNode> findJson(Resource resource, String field, String value, boolean numeric) {
    HttpUrl.Builder b = client.url(resource, "").newBuilder();
    OData.option(b, "$filter", OData.eq(field, value, numeric));
    OData.option(b, "$top", Integer.toString(pageSize));
    HttpUrl url = b.build();
    List<JsonNode> out = new ArrayList<>();
    PageGuard pages = client.pages(url);
    while (true) {
      JsonNode page = client.getOrThrow(url);
      JsonNode values = page.path("value");
      if (!values.isArray()) {
        throw new PermanentException(client.system(),
            "GET " + url.encodedPath() + " returned no 'value' array");
      }
      values.forEach(out::add);
      JsonNode next = page.get("@odata.nextLink");
      if (next == null || next.isNull() || next.asText().isEmpty()
          || out.size() >= MAX_FIND_RESULTS) {
        return out;
      }
      url = pages.next(next.asText()).orElseThrow();
    }
  }
}
