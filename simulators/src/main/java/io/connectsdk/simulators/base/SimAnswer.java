package io.connectsdk.simulators.base;

import java.util.Map;

/**
 * An HTTP answer of a simulator before it is written to the socket.
 *
 * @param status HTTP status, or 0 for "close the connection instead of answering"
 * @param body JSON body, or null for none
 * @param contentType Content-Type of the body, or null for none
 * @param headers extra headers
 */
public record SimAnswer(int status, String body, String contentType, Map<String, String> headers) {
  private static final SimAnswer RESET = new SimAnswer(0, null, null, Map.of());

  public SimAnswer {
    headers = Map.copyOf(headers);
  }

  /** The marker answer that closes the connection without a response. */
  public static SimAnswer reset() {
    return RESET;
  }

  /** Whether this answer closes the connection instead of answering. */
  public boolean isReset() {
    return status == 0;
  }

  /** A copy with more headers (replacing those of the same names); a reset stays a reset. */
  public SimAnswer withHeaders(Map<String, String> more) {
    if (isReset() || more.isEmpty()) {
      return this;
    }
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.putAll(more);
    return new SimAnswer(status, body, contentType, all);
  }
}
