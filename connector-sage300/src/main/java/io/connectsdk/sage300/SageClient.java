package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.resilience.ResiliencePolicy;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * HTTP plus error classification plus the resilience policy: the calls readers and writers make.
 * Reads run each request under the policy; writers run each whole per-record procedure under it
 * (see {@link #retrying}), because only the procedure (look up, then create) is idempotent.
 * Thread-safe.
 */
final class SageClient implements AutoCloseable {
  private final SageHttp http;
  private final ErrorClassifier classifier;
  private final ResiliencePolicy policy;
  private final HttpUrl companyUrl;

  SageClient(SageHttp http, ErrorClassifier classifier, ResiliencePolicy policy,
      HttpUrl companyUrl) {
    this.http = requireNonNull(http, "http");
    this.classifier = requireNonNull(classifier, "classifier");
    this.policy = requireNonNull(policy, "policy");
    this.companyUrl = requireNonNull(companyUrl, "companyUrl");
  }

  HttpUrl url(Resource resource, String keyPredicate) {
    return http.resourceUrl(resource, keyPredicate);
  }

  <T> T retrying(Supplier<T> procedure) {
    return policy.execute(procedure);
  }

  /** GET under the policy; a failure of any kind is thrown. */
  JsonNode getOrThrow(HttpUrl url) {
    return retrying(() -> {
      SageResponse r = http.get(checkedUrl(url));
      if (!r.isSuccess()) {
        throw ErrorClassifier.toException(error(r), "GET " + url.encodedPath());
      }
      return r.body();
    });
  }

  /** GET under the policy; RecordNotFound (or a bare 404) is empty. */
  Optional<JsonNode> getOptional(HttpUrl url) {
    return retrying(() -> {
      SageResponse r = http.get(checkedUrl(url));
      if (r.isSuccess()) {
        return Optional.of(r.body());
      }
      SageError e = error(r);
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw ErrorClassifier.toException(e, "GET " + url.encodedPath());
    });
  }

  /** One request, no retry (writers retry whole procedures). */
  SageResponse send(String method, HttpUrl url, ObjectNode body) {
    return http.send(method, url, body);
  }

  SageError error(SageResponse r) {
    return classifier.classify(r.status(), r.body(), r.retryAfter());
  }

  ErrorClassifier classifier() {
    return classifier;
  }

  /**
   * Resolves a {@code @odata.nextLink} (absolute or relative) against the page it came from, and
   * refuses links to another server: the credentials go only where the builder said.
   */
  HttpUrl resolve(HttpUrl page, String link) {
    HttpUrl next = page.resolve(link);
    if (next == null) {
      throw new PermanentException(ErrorClassifier.SYSTEM, "unusable @odata.nextLink: " + link);
    }
    return checkedUrl(next);
  }

  HttpUrl checkedUrl(HttpUrl url) {
    if (!url.scheme().equals(companyUrl.scheme()) || !url.host().equals(companyUrl.host())
        || url.port() != companyUrl.port()) {
      throw new PermanentException(ErrorClassifier.SYSTEM,
          "refusing to send credentials to " + url.scheme() + "://" + url.host() + ":" + url.port());
    }
    return url;
  }

  @Override
  public void close() {
    http.close();
  }
}
