package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

/** What an {@link ErrorReader} found in a body: the server's error code and message (raw). */
public record ErrorBody(String code, String message) {
  public ErrorBody {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
  }
}
