package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.http.ErrorTable;
import io.connectsdk.http.HttpError;
import io.connectsdk.http.JsonClient;
import io.connectsdk.http.JsonResponse;
import io.connectsdk.http.PageGuard;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * sdk-http's client plus Sage's error table plus the resilience policy: the calls readers and
 * writers make. Reads run each request under the policy; writers run each whole per-record
 * procedure under it (see {@link #retrying}), because only the procedure is idempotent; a read made
 * inside a procedure runs as part of it. Thread-safe.
 */
final class SageClient implements AutoCloseable {
  /** Pages one paging loop may read: a server that ignores $skip would otherwise loop for ever. */
  static final int MAX_PAGES = 10_000;

  private final JsonClient http;
  private final ErrorTable errors;
  private final ResiliencePolicy policy;

  SageClient(JsonClient http, ErrorTable errors, ResiliencePolicy policy) {
    this.http = requireNonNull(http, "http");
    this.errors = requireNonNull(errors, "errors");
    this.policy = requireNonNull(policy, "policy");
  }

  String system() {
    return http.system();
  }

  /** {@code {company}/{MODULE}/{Resource}{keyPredicate}}; the segment is percent-encoded. */
  HttpUrl url(Resource resource, String keyPredicate) {
    return http.endpoint().url(resource.module(), resource.name() + keyPredicate);
  }

  <T> T retrying(Supplier<T> procedure) {
    return policy.execute(procedure);
  }

  /** GET under the policy; a failure of any kind (a 200 with a Sage error body too) is thrown. */
  JsonNode getOrThrow(HttpUrl url) {
    return retrying(() -> {
      JsonResponse r = http.get(url);
      failure(r).ifPresent(e -> {
        throw toException(e, r.describe());
      });
      return r.body();
    });
  }

  /** GET under the policy; RecordNotFound (or a bare 404) is empty. */
  Optional<JsonNode> getOptional(HttpUrl url) {
    return retrying(() -> {
      JsonResponse r = http.get(url);
      Optional<HttpError> e = failure(r);
      if (e.isEmpty()) {
        return Optional.of(r.body());
      }
      if (SageErrors.isNotFound(e.get())) {
        return Optional.empty();
      }
      throw toException(e.get(), r.describe());
    });
  }

  /** One request, no retry of its own (writers retry whole procedures). */
  JsonResponse send(String method, HttpUrl url, ObjectNode body) {
    return http.send(method, url, body);
  }

  /** The error in an answer: any non-2xx, or a 2xx carrying a Sage error body. */
  Optional<HttpError> failure(JsonResponse r) {
    return errors.failure(r);
  }

  /** A guard for one paging loop starting at {@code first}. */
  PageGuard pages(HttpUrl first) {
    return PageGuard.start(http.endpoint(), first, MAX_PAGES, system());
  }

  /** {@code url} if it is on the connector's server (a cursor's resume URL). */
  HttpUrl checkedUrl(HttpUrl url) {
    return http.endpoint().requireSameOrigin(url, system());
  }

  ConnectorException toException(HttpError e, String what) {
    if (e.kind() == ErrorKind.AUTHENTICATION) {
      return new AuthenticationException(system(), what + " was refused (HTTP " + e.status()
          + "): " + SageErrors.authHint(e) + "; " + e.message());
    }
    return errors.toException(e, what);
  }

  long requestsSent() {
    return http.requestsSent();
  }

  boolean isClosed() {
    return http.isClosed();
  }

  @Override
  public void close() {
    http.close();
  }
}
