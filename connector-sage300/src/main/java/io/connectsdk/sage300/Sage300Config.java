package io.connectsdk.sage300;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Secret;
import io.connectsdk.core.Sleeper;
import io.connectsdk.core.resilience.ResiliencePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The immutable settings of one connector, as built by {@link Sage300ConnectorBuilder}. Its
 * {@code toString} masks the password.
 */
record Sage300Config(
    HttpUrl baseUrl,
    String company,
    String user,
    Secret password,
    String apiVersion,
    int pageSize,
    int maxConcurrentRequests,
    int maxBatchSize,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    boolean allowInsecureHttp,
    Optional<ResiliencePolicy> resilience,
    Sleeper sleeper,
    Clock clock,
    Map<EntityType, String> resourcePaths,
    Map<EntityType, String> referenceFields,
    Map<EntityType, Optional<String>> changeFields,
    int referenceMaxLength,
    boolean legacyDatetimeLiterals,
    Map<String, ErrorKind> errorCodes) {

  Sage300Config {
    resourcePaths = Map.copyOf(resourcePaths);
    referenceFields = Map.copyOf(referenceFields);
    changeFields = Map.copyOf(changeFields);
    errorCodes = Map.copyOf(errorCodes);
  }

  /** {@code {base}/Sage300WebApi/{version}/-/{COMPANY}}: the root every resource hangs under. */
  HttpUrl companyUrl() {
    HttpUrl.Builder b = baseUrl.newBuilder();
    if (!baseUrl.pathSegments().contains("Sage300WebApi")) {
      b.addPathSegment("Sage300WebApi");
    }
    return b.addPathSegment(apiVersion).addPathSegment("-").addPathSegment(company).build();
  }

  @Override
  public String toString() {
    return "Sage300Config{baseUrl=" + baseUrl.newBuilder().username("").password("").build()
        + ", company=" + company + ", user=" + user + ", password=" + password
        + ", apiVersion=" + apiVersion + ", pageSize=" + pageSize
        + ", maxConcurrentRequests=" + maxConcurrentRequests + ", maxBatchSize=" + maxBatchSize
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", callTimeout=" + callTimeout + ", allowInsecureHttp=" + allowInsecureHttp
        + ", resourcePaths=" + resourcePaths + ", referenceFields=" + referenceFields
        + ", changeFields=" + changeFields + ", referenceMaxLength=" + referenceMaxLength
        + ", legacyDatetimeLiterals=" + legacyDatetimeLiterals + "}";
  }
}
