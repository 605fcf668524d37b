package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import okhttp3.Headers;

/**
 * One HTTP answer, read in full (within the size cap) and parsed: status, headers, JSON body and
 * the Retry-After wait. The body is a {@code MissingNode} when empty, or when an error status came
 * with a body that is not JSON (an HTML error page); a 2xx with a non-JSON body never gets here
 * (it is an exception). Immutable.
 */
public final class JsonResponse {
  private final String method;
  private final String path;
  private final int status;
  private final Headers headers;
  private final JsonNode body;
  private final boolean json;
  private final Duration retryAfter;
  private final List<String> secrets;

  JsonResponse(String method, String path, int status, Headers headers, JsonNode body,
      boolean json, Duration retryAfter, List<String> secrets) {
    this.method = method;
    this.path = path;
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.json = json;
    this.retryAfter = retryAfter;
    this.secrets = secrets;
  }

  /** A response built by hand, for tests of an error table or a reader. */
  public static JsonResponse of(int status, JsonNode body) {
    return new JsonResponse("GET", "/", status, Headers.of(), requireNonNull(body, "body"),
        !body.isMissingNode(), Duration.ZERO, List.of());
  }

  /** The request's method, e.g. {@code PATCH}. */
  public String method() {
    return method;
  }

  /** The request's encoded path. */
  public String path() {
    return path;
  }

  public int status() {
    return status;
  }

  public Headers headers() {
    return headers;
  }

  /** The parsed body; {@code MissingNode} if empty or not JSON. */
  public JsonNode body() {
    return body;
  }

  /** True if the body was JSON. */
  public boolean isJson() {
    return json;
  }

  /** The wait Retry-After asked for; zero if absent. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** True for 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** {@code METHOD path}, for messages. */
  public String describe() {
    return method + " " + path;
  }

  List<String> secrets() {
    return secrets;
  }

  @Override
  public String toString() {
    return "JsonResponse[" + describe() + " -> " + status + "]";
  }
}
