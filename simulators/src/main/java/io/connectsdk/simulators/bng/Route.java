package io.connectsdk.simulators.bng;

import java.util.List;

/**
 * A parsed request path: the token endpoint, a collection, a record, or an inventory level.
 *
 * @param template the counter key, e.g. {@code /customers/{id}} or {@code /oauth/token}
 * @param resource the collection, or null for the token endpoint
 * @param id the record id (or, for inventory, the sku), or null for a collection
 * @param location the inventory location, or null
 */
record Route(String template, Resource resource, String id, String location) {
  static final String API = "api";
  static final String TOKEN = "/oauth/token";

  boolean isToken() {
    return resource == null;
  }

  boolean isCollection() {
    return resource != null && id == null;
  }

  /** The route of decoded path segments, or null for an unknown path. */
  static Route parse(List<String> segments) {
    List<String> s = segments.size() > 1 && segments.get(segments.size() - 1).isEmpty()
        ? segments.subList(0, segments.size() - 1) : segments;
    if (s.size() == 2 && s.get(0).equals("oauth") && s.get(1).equals("token")) {
      return new Route(TOKEN, null, null, null);
    }
    if (s.size() < 3 || !s.get(0).equals(API) || !s.get(1).equals("v1")) {
      return null;
    }
    Resource r = Resource.byPath(s.get(2)).orElse(null);
    if (r == null) {
      return null;
    }
    String base = "/" + r.path;
    if (s.size() == 3) {
      return new Route(base, r, null, null);
    }
    if (r == Resource.INVENTORY) {
      return s.size() == 5 && !s.get(3).isEmpty() && !s.get(4).isEmpty()
          ? new Route(base + "/{sku}/{location}", r, s.get(3), s.get(4)) : null;
    }
    return s.size() == 4 && !s.get(3).isEmpty() ? new Route(base + "/{id}", r, s.get(3), null)
        : null;
  }
}
