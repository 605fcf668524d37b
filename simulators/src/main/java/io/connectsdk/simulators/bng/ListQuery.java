package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import okhttp3.HttpUrl;

/**
 * A list request: {@code updated_since} (inclusive), {@code limit} (1..500), opaque
 * {@code cursor}, and equality filters ({@code external_id} everywhere, plus a few per resource).
 * Unknown parameters are refused with 400 so client typos do not pass silently.
 */
final class ListQuery {
  static final int MAX_LIMIT = 500;
  private static final Set<String> PAGING = Set.of("updated_since", "limit", "cursor");

  private final Resource resource;
  private final Instant updatedSince;
  private final int limit;
  private final SortKey after;
  private final Map<String, String> equals = new HashMap<>();

  private ListQuery(Resource resource, HttpUrl url, int defaultLimit) {
    this.resource = resource;
    Set<String> filters = filters(resource);
    for (String name : url.queryParameterNames()) {
      if (!PAGING.contains(name) && !filters.contains(name)) {
        throw BngError.badRequest(name, "is not a supported parameter");
      }
      if (url.queryParameterValues(name).size() > 1) {
        throw BngError.badRequest(name, "must be given once");
      }
      if (filters.contains(name)) {
        equals.put(name, url.queryParameter(name));
      }
    }
    this.updatedSince = instant(url.queryParameter("updated_since"));
    this.limit = limit(url.queryParameter("limit"), defaultLimit);
    String cursor = url.queryParameter("cursor");
    this.after = cursor == null ? null : Cursor.decode(resource, cursor);
  }

  static ListQuery parse(Resource resource, HttpUrl url, int defaultLimit) {
    return new ListQuery(resource, url, defaultLimit);
  }

  /** {@code {"data":[…],"next_cursor":…|null}} of the table; the caller holds the store lock. */
  ObjectNode run(Table table) {
    Predicate<ObjectNode> filter = this::matches;
    List<ObjectNode> page;
    String externalId = equals.get("external_id");
    if (externalId != null) {
      // the index answers a lookup by external id without a scan
      ObjectNode r = table.byExternalId(externalId);
      boolean inPage = r != null && (after == null || Table.sortKey(r).compareTo(after) > 0)
          && (updatedSince == null || !Table.sortKey(r).updatedAt().isBefore(updatedSince));
      page = inPage && matches(r) ? List.of(r) : List.of();
    } else {
      page = table.page(after, updatedSince, limit + 1, filter);
    }
    ObjectNode out = BngJson.MAPPER.createObjectNode();
    ArrayNode data = out.putArray("data");
    for (int i = 0; i < Math.min(limit, page.size()); i++) {
      data.add(page.get(i).deepCopy());
    }
    if (page.size() > limit) {
      out.put("next_cursor", Cursor.encode(resource, Table.sortKey(page.get(limit - 1))));
    } else {
      out.putNull("next_cursor");
    }
    return out;
  }

  private boolean matches(ObjectNode r) {
    for (Map.Entry<String, String> e : equals.entrySet()) {
      if (!e.getValue().equals(Table.text(r, e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> filters(Resource resource) {
    return switch (resource) {
      case ITEMS -> Set.of("external_id", "sku");
      case INVENTORY -> Set.of("external_id", "sku", "location");
      case ORDERS -> Set.of("external_id", "customer_id", "order_number", "status");
      case PURCHASE_ORDERS -> Set.of("external_id", "vendor_id");
      case SHIPMENTS -> Set.of("external_id", "order_id");
      case INVOICES -> Set.of("external_id", "kind", "customer_id", "vendor_id", "order_id");
      case PAYMENTS -> Set.of("external_id", "kind");
      default -> Set.of("external_id");
    };
  }

  private static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw BngError.badRequest("updated_since", "must be an ISO-8601 UTC timestamp");
    }
  }

  private static int limit(String value, int defaultLimit) {
    if (value == null) {
      return defaultLimit;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw BngError.badRequest("limit", "must be an integer from 1 to " + MAX_LIMIT);
  }
}
