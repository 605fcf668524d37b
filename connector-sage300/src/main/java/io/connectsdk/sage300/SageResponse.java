package io.connectsdk.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * One HTTP answer: status, parsed JSON body (a {@code MissingNode} when empty) and Retry-After.
 */
record SageResponse(int status, JsonNode body, Duration retryAfter) {
  boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
