package io.connectsdk.simulators.sage300;

/**
 * The parts of a request target {@code /Sage300WebApi/v1.0/-/{COMPANY}/{MODULE}/{Resource}[(key)]}.
 *
 * @param company decoded company segment
 * @param module decoded module segment
 * @param resource decoded resource name without the key predicate
 * @param key decoded text between the key parentheses, or null for the collection
 * @param rawQuery the raw query string, or null
 */
record RequestPath(String company, String module, String resource, String key, String rawQuery) {
  static final String PREFIX = "/Sage300WebApi/v1.0/-/";

  /** Parses a raw request target; the key segment is decoded before its predicate is split off. */
  static RequestPath parse(String target) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String rawQuery = q < 0 ? null : target.substring(q + 1);
    if (!path.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw SageError.resourceNotFound("No resource matches the path '" + path + "'; expected "
          + PREFIX + "{Company}/{Module}/{Resource}.");
    }
    String[] segments = path.substring(PREFIX.length()).split("/", -1);
    if (segments.length != 3 || segments[2].isEmpty()) {
      throw SageError.resourceNotFound("No resource matches the path '" + path + "'.");
    }
    String last = UrlCodec.decodePath(segments[2]);
    int open = last.indexOf('(');
    String resource = open < 0 ? last : last.substring(0, open);
    String key = null;
    if (open >= 0) {
      if (!last.endsWith(")")) {
        throw SageError.invalidKey("The key segment '" + last + "' must end with ')'.");
      }
      key = last.substring(open + 1, last.length() - 1);
    }
    return new RequestPath(UrlCodec.decodePath(segments[0]), UrlCodec.decodePath(segments[1]),
        resource, key, rawQuery);
  }

  String resourcePath() {
    return module + "/" + resource;
  }
}
