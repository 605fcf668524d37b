package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.PermanentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  Optional<JsonNode> getJson(Resource resource, String id) {
    HttpUrl url = client.url(resource, OData.keyPredicate(resource.key(), id));
    return client.getOptional(url);
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
    SageHttp.option(b, "$filter", OData.eq(field, value, numeric));
    SageHttp.option(b, "$top", Integer.toString(pageSize));
    HttpUrl url = b.build();
    List<JsonNode> out = new ArrayList<>();
    while (true) {
      JsonNode page = client.getOrThrow(url);
      JsonNode values = page.path("value");
      if (!values.isArray()) {
        throw new PermanentException(ErrorClassifier.SYSTEM,
            "GET " + url.encodedPath() + " returned no 'value' array");
      }
      values.forEach(out::add);
      JsonNode next = page.get("@odata.nextLink");
      if (next == null || next.isNull() || next.asText().isEmpty()
          || out.size() >= MAX_FIND_RESULTS) {
        return out;
      }
      url = client.resolve(url, next.asText());
    }
  }
}
