package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

/** What an {@link EventParser} made of a body: an event, or the reason it is not one. */
public sealed interface EventParseResult {
  /** The body is a well-formed event. */
  record Parsed(WebhookEvent event) implements EventParseResult {
    public Parsed {
      requireNonNull(event, "event");
    }
  }

  /** The body is not a well-formed event; {@code reason} names the problem and field. */
  record Malformed(String reason) implements EventParseResult {
    public Malformed {
      requireNonNull(reason, "reason");
    }
  }
}
