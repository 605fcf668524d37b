package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.PermanentException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Follows a server's next links safely: each link is resolved against the page it came from, must
 * have the endpoint's origin, must not repeat a page already fetched (a self-referencing or
 * cycling next link), and at most {@code maxPages} pages are fetched. One guard per paging loop;
 * not thread-safe.
 *
 * <pre>{@code
 * PageGuard pages = PageGuard.start(endpoint, firstUrl, 1000, "sage300");
 * for (HttpUrl url = firstUrl; url != null; ) {
 *   JsonResponse page = http.get(url);
 *   ...
 *   url = pages.next(page.body().path("@odata.nextLink").asText(null)).orElse(null);
 * }
 * }</pre>
 */
public final class PageGuard {
  private final Endpoint endpoint;
  private final int maxPages;
  private final String system;
  private final Set<HttpUrl> seen = new HashSet<>();
  private HttpUrl current;

  private PageGuard(Endpoint endpoint, HttpUrl first, int maxPages, String system) {
    this.endpoint = endpoint;
    this.maxPages = maxPages;
    this.system = system;
    this.current = endpoint.requireSameOrigin(first, system);
    seen.add(first);
  }

  /** A guard whose first page is {@code first}. */
  public static PageGuard start(Endpoint endpoint, HttpUrl first, int maxPages, String system) {
    requireNonNull(endpoint, "endpoint");
    requireNonNull(first, "first");
    requireNonNull(system, "system");
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages < 1: " + maxPages);
    }
    return new PageGuard(endpoint, first, maxPages, system);
  }

  /**
   * The next page to fetch, or empty if {@code link} is null or blank (the last page).
   *
   * @throws PermanentException if the link points elsewhere, repeats a page, or would exceed the
   *     maximum number of pages
   */
  public Optional<HttpUrl> next(String link) {
    if (link == null || link.isBlank()) {
      return Optional.empty();
    }
    HttpUrl next = endpoint.resolve(current, link, system);
    if (!seen.add(next)) {
      throw new PermanentException(system, "the server's next link repeats a page already read ("
          + next.encodedPath() + "); stopping instead of looping");
    }
    if (seen.size() > maxPages) {
      throw new PermanentException(system, "more than " + maxPages + " pages; stopping");
    }
    current = next;
    return Optional.of(next);
  }

  /** Pages handed out so far, the first included. */
  public int pages() {
    return seen.size();
  }
}
