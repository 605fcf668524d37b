package io.connectsdk.http;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The innermost application interceptor: every HTTP request (a 401 replay included) takes a rate
 * permit here beyond the first, is counted by method and route, and is logged with method, path,
 * status and duration, nothing else.
 */
final class RequestLog implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(JsonClient.class);
  private static final Pattern PREDICATE = Pattern.compile("\\([^/]*\\)");
  private static final Pattern NUMERIC = Pattern.compile("/\\d+(?=/|$)");

  private final String system;
  private final RequestLimiter limiter;
  private final LongAdder total = new LongAdder();
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final ThreadLocal<Boolean> first = new ThreadLocal<>();

  RequestLog(String system, RequestLimiter limiter, HttpOptions options) {
    this.system = system;
    this.limiter = limiter;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (Boolean.TRUE.equals(first.get())) {
      limiter.acquireRateOnly(); // a replay within one call: its own permit, same slot
    }
    first.set(Boolean.TRUE);
    String path = request.url().encodedPath();
    total.increment();
    counts.computeIfAbsent(request.method() + " " + route(path), k -> new LongAdder()).increment();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} {} {} -> {} in {} ms", system, request.method(), path, response.code(),
            (System.nanoTime() - start) / 1_000_000);
      }
      return response;
    } catch (IOException e) {
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} {} {} -> {} in {} ms", system, request.method(), path,
            e.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
      }
      throw e;
    }
  }

  /** Marks the start of one call on this thread (its first request took the caller's permit). */
  void startCall() {
    first.remove();
  }

  long total() {
    return total.sum();
  }

  Map<String, Long> counts() {
    Map<String, Long> m = new TreeMap<>();
    counts.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  static String route(String path) {
    return NUMERIC.matcher(PREDICATE.matcher(path).replaceAll("(..)")).replaceAll("/{id}");
  }
}
