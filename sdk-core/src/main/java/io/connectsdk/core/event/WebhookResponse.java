package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

/**
 * The answer to a webhook request: write {@link #status()} back to the sender; {@code detail} is
 * for logs (it never contains a secret) and need not be sent.
 *
 * @param eventId the event's id when it was parsed, otherwise ""
 */
public record WebhookResponse(WebhookOutcome outcome, String detail, String eventId) {
  public WebhookResponse {
    requireNonNull(outcome, "outcome");
    requireNonNull(detail, "detail");
    requireNonNull(eventId, "eventId");
  }

  static WebhookResponse rejected(WebhookRejection r) {
    return new WebhookResponse(r.outcome(), r.detail(), "");
  }

  /** The HTTP status code to answer with. */
  public int status() {
    return outcome.httpStatus();
  }
}
