package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.DeadLetterQueue;
import io.connectsdk.core.store.RecordError;
import io.connectsdk.core.sync.ContentHash;
import java.nio.charset.StandardCharsets;

/**
 * A {@link WebhookListener} that keeps what a webhook handler could not use in a dead-letter
 * queue, so an authentic delivery is never lost silently: a body that passed the signature check
 * but is not a valid event (malformed JSON, wrong types, missing fields), and an event whose queued
 * dispatch failed after the sender was already answered.
 *
 * <p>Entries are filed under their own job id (not a sync job's, whose replay would run them
 * through a mapping they do not fit), with target {@code "webhook"} and source {@code
 * system:webhook_event:<event id or sha256 of the body>}, so a redelivered bad body counts
 * attempts on one entry instead of adding another. Forged or stale requests are not kept: they
 * are not data. Reasons and exception class names only, never exception messages (they may quote
 * record values). Thread-safe if the queue is.
 */
public final class DeadLetterWebhookListener implements WebhookListener {
  /** The entity type of dead-lettered webhook deliveries. */
  public static final EntityType WEBHOOK_EVENT = EntityType.of("webhook_event");

  private final DeadLetterQueue queue;
  private final String jobId;
  private final String system;

  /**
   * @param queue where entries go
   * @param jobId the id they are filed under, e.g. {@code "bng-webhooks"}
   * @param system the sending system, e.g. {@code "bng"}
   */
  public DeadLetterWebhookListener(DeadLetterQueue queue, String jobId, String system) {
    this.queue = requireNonNull(queue, "queue");
    this.jobId = requireNonNull(jobId, "jobId");
    this.system = requireNonNull(system, "system");
  }

  @Override
  public void malformedEvent(String reason, byte[] rawBody) {
    RecordRef ref = new RecordRef(system, WEBHOOK_EVENT, "sha256:" + ContentHash.ofBytes(rawBody));
    Entity record = Entity.builder(WEBHOOK_EVENT, ref.id()).origin(system)
        .field("raw_body", new String(rawBody, StandardCharsets.UTF_8))
        .build();
    queue.add(jobId, "webhook", ref,
        record, new RecordError(ErrorKind.PERMANENT, "MalformedEvent", reason, ""));
  }

  @Override
  public void dispatchFailed(WebhookEvent event, Throwable failure) {
    RecordRef ref = new RecordRef(system, WEBHOOK_EVENT, event.id());
    Entity record = Entity.builder(WEBHOOK_EVENT, event.id()).origin(system)
        .updatedAt(event.recordVersion().updatedAt())
        .field("type", event.type())
        .field("record_key", event.recordKey())
        .field("object", event.object())
        .build();
    queue.add(jobId, "webhook", ref, record, new RecordError(ErrorKind.TRANSIENT,
        "DispatchFailed", "event consumer threw " + failure.getClass().getName(), ""));
  }
}
