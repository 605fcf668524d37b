package io.connectsdk.bng;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.http.ErrorTable;
import io.connectsdk.http.HttpError;
import io.connectsdk.http.JsonClient;
import io.connectsdk.http.JsonResponse;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Every BNG request goes through here: the connector's resilience policy around one HTTP exchange
 * (so a retry repeats exactly that request, with the same Idempotency-Key), the server-quota pause
 * before it, the rate-limit headers read after it, and the error table. Whole-call failures
 * (authentication, rate limit, transient, other permanent) are thrown once the policy gives up;
 * record-level errors come back as a {@link Reply}. Thread-safe.
 */
final class BngHttp implements AutoCloseable {
  private final JsonClient http;
  private final ErrorTable errors;
  private final ServerQuota quota;
  private final ResiliencePolicy policy;
  private final TokenLogin login;

  BngHttp(JsonClient http, ErrorTable errors, ServerQuota quota, ResiliencePolicy policy,
      TokenLogin login) {
    this.http = http;
    this.errors = errors;
    this.quota = quota;
    this.policy = policy;
    this.login = login;
  }

  /** {@code {base}/api/v1/<segments>}. */
  HttpUrl url(String... segments) {
    return http.endpoint().url(segments);
  }

  Reply get(HttpUrl url) {
    return send("GET", url, null, Map.of());
  }

  /** Sends one request under the policy; see the class comment for what is thrown. */
  Reply send(String method, HttpUrl url, JsonNode body, Map<String, String> headers) {
    return policy.execute(() -> once(method, url, body, headers));
  }

  private Reply once(String method, HttpUrl url, JsonNode body, Map<String, String> headers) {
    quota.awaitTurn();
    JsonResponse r = http.send(method, url, body, headers);
    quota.observe(r.headers());
    Optional<HttpError> failure = errors.failure(r);
    if (failure.isPresent() && !failure.get().recordLevel()) {
      throw errors.toException(failure.get(), r.describe());
    }
    return new Reply(r, failure);
  }

  /** The exception a record-level error stands for when it ends a call (e.g. a read). */
  RuntimeException toException(Reply reply) {
    return errors.toException(reply.error().orElseThrow(), reply.response().describe());
  }

  /** HTTP requests sent: API calls (sdk-http's counter, replays included) plus token requests. */
  long requestsSent() {
    return http.requestsSent() + login.requestsSent();
  }

  Map<String, Long> requestCounts() {
    return http.requestCounts();
  }

  @Override
  public void close() {
    http.close();
    login.close();
  }
}
