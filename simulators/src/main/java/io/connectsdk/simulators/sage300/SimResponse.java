package io.connectsdk.simulators.sage300;

import java.util.Map;

/**
 * An HTTP answer before it is turned into a MockWebServer response.
 *
 * @param status HTTP status
 * @param body JSON body, or null for none
 * @param headers extra headers
 */
record SimResponse(int status, String body, Map<String, String> headers) {
  SimResponse {
    headers = Map.copyOf(headers);
  }

  static SimResponse json(int status, String body) {
    return new SimResponse(status, body, Map.of());
  }

  static SimResponse error(SageError e) {
    Map<String, String> headers = e.status == 401
        ? Map.of("WWW-Authenticate", "Basic realm=\"Sage300WebApi\"")
        : Map.of();
    return new SimResponse(e.status, e.body(), headers);
  }
}
