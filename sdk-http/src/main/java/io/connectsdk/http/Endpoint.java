package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The base URL of a remote API, checked once: no credentials in it, HTTPS unless the host is a
 * loopback address or plain HTTP is explicitly allowed. Loopback is decided from the literal host
 * ({@code localhost}, {@code 127.x.x.x}, {@code ::1}), never by a DNS lookup. Also the one place
 * that decides whether a URL the server handed us (a next link, a cursor) has the same origin
 * (scheme, host, port), so credentials go only where the builder said. Immutable and thread-safe.
 *
 * <pre>{@code
 * Endpoint api = Endpoint.of("https://erp.example.com/Sage300WebApi/v1.0/-/SAMINC/");
 * Endpoint lab = Endpoint.builder("http://erp.lan:8080/api").allowPlainHttp(true).build();
 * }</pre>
 */
public final class Endpoint {
  private final HttpUrl base;

  private Endpoint(HttpUrl base) {
    this.base = base;
  }

  /**
   * The endpoint at {@code baseUrl}, HTTPS required unless loopback.
   *
   * @throws IllegalArgumentException if the URL is malformed, holds a user or password, or is plain
   *     HTTP to a host that is not loopback
   */
  public static Endpoint of(String baseUrl) {
    return builder(baseUrl).build();
  }

  /** A builder for an endpoint at {@code baseUrl}. */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** The base URL, always ending with {@code /}. */
  public HttpUrl url() {
    return base;
  }

  /**
   * The base URL with these path segments appended (each is percent-encoded as one segment).
   *
   * <pre>{@code api.url("AR", "ARCustomers('1200')")}</pre>
   */
  public HttpUrl url(String... segments) {
    HttpUrl.Builder b = base.newBuilder();
    if (!base.pathSegments().isEmpty() && base.pathSegments().get(base.pathSegments().size() - 1).isEmpty()) {
      b.removePathSegment(base.pathSegments().size() - 1);
    }
    for (String s : segments) {
      b.addPathSegment(requireNonNull(s, "segment"));
    }
    return b.build();
  }

  /** True if {@code url} has this endpoint's scheme, host and port. */
  public boolean isSameOrigin(HttpUrl url) {
    requireNonNull(url, "url");
    return url.scheme().equals(base.scheme()) && url.host().equalsIgnoreCase(base.host())
        && url.port() == base.port();
  }

  /**
   * Resolves a link the server returned (absolute or relative to {@code page}) and checks its origin.
   *
   * @throws io.connectsdk.core.PermanentException if the link is unusable or points elsewhere
   */
  public HttpUrl resolve(HttpUrl page, String link, String system) {
    requireNonNull(page, "page");
    requireNonNull(link, "link");
    HttpUrl next = page.resolve(link);
    if (next == null) {
      throw new io.connectsdk.core.PermanentException(system,
          "unusable link from the server: " + Redactor.clean(link));
    }
    return requireSameOrigin(next, system);
  }

  /**
   * Returns {@code url} if it is same-origin.
   *
   * @throws io.connectsdk.core.PermanentException naming only the foreign origin otherwise
   */
  public HttpUrl requireSameOrigin(HttpUrl url, String system) {
    if (!isSameOrigin(url)) {
      throw new io.connectsdk.core.PermanentException(system, "refusing to follow a link to "
          + url.scheme() + "://" + url.host() + ":" + url.port() + " (the endpoint is "
          + origin() + ")");
    }
    return url;
  }

  /** {@code scheme://host:port}. */
  public String origin() {
    return base.scheme() + "://" + base.host() + ":" + base.port();
  }

  /**
   * True if {@code host} is a loopback literal: {@code localhost}, an IPv4 address in 127/8, or the
   * IPv6 loopback. Never resolves names.
   */
  public static boolean isLoopback(String host) {
    String h = requireNonNull(host, "host").toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Endpoint e && e.base.equals(base);
  }

  @Override
  public int hashCode() {
    return base.hashCode();
  }

  @Override
  public String toString() {
    return base.toString();
  }

  /** Builds an {@link Endpoint}; not thread-safe. */
  public static final class Builder {
    private final String baseUrl;
    private boolean allowPlainHttp;

    private Builder(String baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl");
    }

    /** Allows {@code http://} to a host that is not loopback (a lab server). Default false. */
    public Builder allowPlainHttp(boolean allow) {
      this.allowPlainHttp = allow;
      return this;
    }

    /** The checked endpoint; see {@link Endpoint#of}. */
    public Endpoint build() {
      HttpUrl url = HttpUrl.parse(baseUrl.trim());
      if (url == null) {
        throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + Redactor.clean(baseUrl));
      }
      if (!url.username().isEmpty() || !url.password().isEmpty()) {
        throw new IllegalArgumentException(
            "baseUrl must not contain credentials; pass them to the connector builder");
      }
      if (url.scheme().equals("http") && !allowPlainHttp && !isLoopback(url.host())) {
        throw new IllegalArgumentException("plain http to " + url.host()
            + " is refused; use https, or allow plain http explicitly for a lab server");
      }
      if (url.query() != null || url.fragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + url.redact());
      }
      String path = url.encodedPath();
      if (!path.endsWith("/")) {
        url = url.newBuilder().encodedPath(path + "/").build();
      }
      return new Endpoint(url);
    }
  }
}
