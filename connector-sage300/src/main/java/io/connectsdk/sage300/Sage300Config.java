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
import io.connectsdk.http.HttpOptions;
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
    int maxBatchSize,
    String system,
    HttpOptions http,
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

  /**
   * {@code {base}/Sage300WebApi/{version}/-/{COMPANY}}: the root every resource hangs under. A base
   * URL that already holds the Web API path is cut back to the part before {@code Sage300WebApi}.
   */
  HttpUrl companyUrl() {
    HttpUrl.Builder b = baseUrl.newBuilder().query(null).fragment(null).encodedPath("/");
    for (String segment : baseUrl.pathSegments()) {
      if (segment.equalsIgnoreCase("Sage300WebApi")) {
        break;
      }
      if (!segment.isEmpty()) {
        b.addPathSegment(segment);
      }
    }
    return b.addPathSegment("Sage300WebApi").addPathSegment(apiVersion).addPathSegment("-")
        .addPathSegment(company).build();
  }

  @Override
  public String toString() {
    return "Sage300Config{baseUrl=" + baseUrl.newBuilder().username("").password("").build()
        + ", company=" + company + ", user=" + user + ", password=" + password
        + ", apiVersion=" + apiVersion + ", pageSize=" + pageSize
        + ", maxBatchSize=" + maxBatchSize + ", system=" + system + ", http=" + http
        + ", allowInsecureHttp=" + allowInsecureHttp
        + ", resourcePaths=" + resourcePaths + ", referenceFields=" + referenceFields
        + ", changeFields=" + changeFields + ", referenceMaxLength=" + referenceMaxLength
        + ", legacyDatetimeLiterals=" + legacyDatetimeLiterals + "}";
  }
}
