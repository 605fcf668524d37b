package io.connectsdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Finds a remote's error in a response body, e.g. Sage 300's {@code {"error":{"code":..,
 * "message":{"value":..}}}}; empty if the body is not an error. Must accept any JSON (or a
 * {@code MissingNode}) without throwing. Called for 2xx answers too, so a 200 carrying an error
 * body is classified by its code.
 */
@FunctionalInterface
public interface ErrorReader {
  Optional<ErrorBody> read(JsonNode body);
}
