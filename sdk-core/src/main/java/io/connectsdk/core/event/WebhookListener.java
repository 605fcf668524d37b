package io.connectsdk.core.event;

/**
 * Callbacks from a {@link WebhookHandler}; every method defaults to doing nothing. Called on the
 * request thread (or the executor's thread for {@link #dispatchFailed}); must be thread-safe and
 * quick. An exception thrown by a callback is logged and otherwise ignored.
 */
public interface WebhookListener {
  /** A request was refused (any non-2xx outcome). The rejection never contains a secret. */
  default void rejected(WebhookRejection rejection) {}

  /**
   * An authentic body could not be parsed as an event: hand it to a dead-letter sink.
   *
   * @param rawBody a copy of the body exactly as received
   */
  default void malformedEvent(String reason, byte[] rawBody) {}

  /** An event was ignored as a redelivery ({@link WebhookOutcome#DUPLICATE}). */
  default void duplicate(WebhookEvent event) {}

  /** An event was ignored as older than known data ({@link WebhookOutcome#STALE}). */
  default void stale(WebhookEvent event) {}

  /**
   * The consumer threw for an event (an exception or an {@link Error}); the event was forgotten
   * first, so a redelivery is processed. For inline dispatch the sender is answered 500 and will
   * redeliver; for queued dispatch it was already answered, so this is the only trace.
   */
  default void dispatchFailed(WebhookEvent event, Throwable failure) {}
}
