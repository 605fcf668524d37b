package io.connectsdk.simulators.bng;

import io.connectsdk.simulators.base.CallCounters;
import io.connectsdk.simulators.base.FaultPlan;
import io.connectsdk.simulators.base.LoopbackServer;
import io.connectsdk.simulators.base.SimAnswer;
import io.connectsdk.simulators.base.SimFault;
import io.connectsdk.simulators.base.Sleeper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline: count, latency, route, bearer token (401), the tenant's token bucket
 * (429), injected fault, then the API. Rate-limit headers go on every answer to an authenticated
 * request and on token answers.
 */
final class BngDispatcher implements LoopbackServer.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(BngDispatcher.class);

  private final CallCounters counters;
  private final FaultPlan faults;
  private final Sleeper sleeper;
  private final TokenService tokens;
  private final RateLimiter limiter;
  private final ApiHandler api;
  private final AtomicLong rateLimited = new AtomicLong();

  BngDispatcher(CallCounters counters, FaultPlan faults, Sleeper sleeper, TokenService tokens,
      RateLimiter limiter, ApiHandler api) {
    this.counters = counters;
    this.faults = faults;
    this.sleeper = sleeper;
    this.tokens = tokens;
    this.limiter = limiter;
    this.api = api;
  }

  @Override
  public SimAnswer handle(RecordedRequest request, int inFlight) throws InterruptedException {
    String method = request.getMethod();
    HttpUrl url = request.getUrl();
    Route route = Route.parse(url.pathSegments());
    counters.count(method, route == null ? "?" : route.template());
    Duration latency = faults.latency();
    if (!latency.isZero()) {
      sleeper.sleep(latency);
    }
    String body = body(request);
    try {
      if (route == null) {
        throw BngError.notFound("No route for " + method + " " + url.encodedPath() + ".");
      }
      if (route.isToken()) {
        return token(method, body);
      }
      String tenant = tokens.tenant(request.getHeaders().get("Authorization"));
      TokenBucket.Decision d = limiter.acquire(tenant);
      if (!d.admitted()) {
        return rateLimitedAnswer(d);
      }
      SimFault fault = faults.next();
      SimAnswer answer = fault.run(() -> api.apply(tenant, method, route, url, body,
              request.getHeaders().get("Idempotency-Key"), request.getHeaders().get("If-Match")),
          f -> f.status() == 429 ? rateLimitedAnswer(d) : faultAnswer(f));
      return answer.withHeaders(RateLimiter.headers(d));
    } catch (BngError e) {
      return error(e);
    } catch (RuntimeException e) {
      LOG.warn("BNG simulator failed on {} {}", method, url.encodedPath(), e);
      return error(new BngError(500, "server_error", "An internal error occurred."));
    }
  }

  long rateLimited() {
    return rateLimited.get();
  }

  void resetCounters() {
    rateLimited.set(0);
  }

  private SimAnswer token(String method, String body) {
    if (!method.equals("POST")) {
      throw BngError.notFound("No route for " + method + " " + Route.TOKEN + ".");
    }
    String json = tokens.issue(body);
    SimAnswer answer = new SimAnswer(200, json, BngJson.CONTENT_TYPE, Map.of());
    String client = TokenService.clientOf(body);
    return answer.withHeaders(RateLimiter.headers(limiter.peek(client)));
  }

  private SimAnswer rateLimitedAnswer(TokenBucket.Decision d) {
    rateLimited.incrementAndGet();
    TokenBucket.Decision refused = d.admitted()
        ? new TokenBucket.Decision(false, d.limit(), d.remaining(), d.resetEpochSecond(), 1) : d;
    BngError e = new BngError(429, "rate_limited", "Too many requests; retry after "
        + refused.retryAfterSeconds() + " s.");
    return error(e).withHeaders(RateLimiter.headers(refused));
  }

  private static SimAnswer faultAnswer(SimFault f) {
    String type = f.code() != null ? f.code() : f.status() >= 500 ? "server_error"
        : f.status() == 401 ? "unauthorized" : f.status() == 404 ? "not_found"
        : f.status() == 409 ? "conflict" : f.status() == 412 ? "version_conflict"
        : "validation_error";
    String message = f.message() != null ? f.message() : "Injected fault " + f.status() + ".";
    return error(new BngError(f.status(), type, message));
  }

  static SimAnswer error(BngError e) {
    return new SimAnswer(e.status, e.body(), BngJson.CONTENT_TYPE, Map.of());
  }

  private static String body(RecordedRequest request) {
    ByteString b = request.getBody();
    return b == null || b.size() == 0 ? null : b.utf8();
  }
}
