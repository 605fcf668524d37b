package io.connectsdk.core.event;

/** What became of a webhook request, with the HTTP status to answer. */
public enum WebhookOutcome {
  /** Verified, parsed, new, and handed to the consumer, which returned normally. */
  ACCEPTED(200),
  /** Verified, parsed, new, and queued on the executor for the consumer. */
  QUEUED(202),
  /** An event id seen before: ignored, answered 2xx so the sender stops redelivering. */
  DUPLICATE(200),
  /** Older than what is already known for its record: ignored, answered 2xx. */
  STALE(200),
  /** The body is larger than the handler's maximum. */
  BODY_TOO_LARGE(413),
  /** No signature header. */
  MISSING_SIGNATURE(401),
  /** The signature header cannot be read (no timestamp, no signature, bad number). */
  MALFORMED_SIGNATURE(400),
  /** No signature matches any active secret. */
  BAD_SIGNATURE(401),
  /** The signed timestamp is outside the allowed window (a replay, or clock skew). */
  STALE_TIMESTAMP(401),
  /** Authentic, but not a well-formed event: bad JSON, a missing field or a wrong type. */
  MALFORMED_EVENT(400),
  /** The consumer threw; the sender should redeliver. */
  DISPATCH_FAILED(500),
  /** The executor refused the event (queue full or shut down); the sender should redeliver. */
  OVERLOADED(503),
  /** An unexpected failure inside the handler or one of its parts. */
  INTERNAL_ERROR(500);

  private final int httpStatus;

  WebhookOutcome(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status code to answer with. */
  public int httpStatus() {
    return httpStatus;
  }

  /** True for 2xx outcomes: the sender should not redeliver. */
  public boolean isSuccess() {
    return httpStatus / 100 == 2;
  }
}
