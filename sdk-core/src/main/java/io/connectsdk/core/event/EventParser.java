package io.connectsdk.core.event;

/**
 * Turns a verified webhook body into a {@link WebhookEvent}. Implementations never throw for bad
 * input: they return {@link EventParseResult.Malformed} with a reason. Must be thread-safe.
 */
@FunctionalInterface
public interface EventParser {
  EventParseResult parse(byte[] body);
}
