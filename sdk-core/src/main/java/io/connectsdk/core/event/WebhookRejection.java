package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

/**
 * Why a webhook request was refused. The detail is meant for logs and never contains a secret or
 * an expected signature.
 */
public record WebhookRejection(WebhookOutcome outcome, String detail) {
  public WebhookRejection {
    requireNonNull(outcome, "outcome");
    requireNonNull(detail, "detail");
    if (outcome.isSuccess()) {
      throw new IllegalArgumentException("not a rejection: " + outcome);
    }
  }
}
