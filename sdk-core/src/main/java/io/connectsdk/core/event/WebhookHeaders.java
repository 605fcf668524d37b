package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The headers of a webhook request, with case-insensitive names as HTTP requires. Immutable and
 * thread-safe; build it from whatever map the host's web framework provides.
 */
public final class WebhookHeaders {
  private final Map<String, List<String>> values;

  private WebhookHeaders(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Copies a multi-valued header map; names differing only in case are merged. */
  public static WebhookHeaders of(Map<String, ? extends Collection<String>> headers) {
    requireNonNull(headers, "headers");
    TreeMap<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, vals) -> {
      requireNonNull(name, "header name");
      List<String> list = merged.computeIfAbsent(name, n -> new ArrayList<>());
      if (vals != null) {
        vals.stream().filter(v -> v != null).forEach(list::add);
      }
    });
    merged.replaceAll((name, list) -> List.copyOf(list));
    return new WebhookHeaders(merged);
  }

  /** Copies a single-valued header map. */
  public static WebhookHeaders ofSingle(Map<String, String> headers) {
    requireNonNull(headers, "headers");
    TreeMap<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, value) -> multi.computeIfAbsent(requireNonNull(name, "header name"),
        n -> new ArrayList<>()).add(value));
    return of(multi);
  }

  /** All values of a header, in order; empty if absent. */
  public List<String> values(String name) {
    return values.getOrDefault(requireNonNull(name, "name"), List.of());
  }

  /** The first value of a header. */
  public Optional<String> first(String name) {
    List<String> v = values(name);
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Header names only: values may carry signatures. */
  @Override
  public String toString() {
    return "WebhookHeaders" + values.keySet();
  }
}
