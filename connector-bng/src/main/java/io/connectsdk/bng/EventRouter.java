package io.connectsdk.bng;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.event.WebhookEvent;
import io.connectsdk.core.sync.SyncJob;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a verified, new event to the jobs that read its entity type from this connector: the
 * carried record becomes an {@link Entity} exactly as a read would return it, and each job's
 * {@link SyncJob#onEvent(Entity)} writes it (skipping it if the job already wrote a newer copy).
 * Events of a type no job reads are ignored. A job that throws makes the event fail, so the
 * handler forgets it and BNG's redelivery is processed. Thread-safe.
 */
final class EventRouter implements Consumer<WebhookEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);

  private final String system;
  private final Map<EntityType, List<SyncJob>> jobs;

  EventRouter(String system, Map<EntityType, List<SyncJob>> jobs) {
    this.system = system;
    this.jobs = jobs;
  }

  @Override
  public void accept(WebhookEvent event) {
    Optional<Resource> resource = Resource.ofEvent(event.type());
    List<SyncJob> targets = resource.map(r -> jobs.getOrDefault(r.type, List.of()))
        .orElse(List.of());
    if (targets.isEmpty()) {
      LOG.debug("{} event {} of type {} has no job; ignored", system, event.id(), event.type());
      return;
    }
    Entity record = Records.toEntity(system, resource.get(), event.object());
    for (SyncJob job : targets) {
      job.onEvent(record);
    }
  }
}
