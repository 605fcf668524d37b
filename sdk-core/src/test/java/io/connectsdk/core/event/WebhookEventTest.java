package io.connectsdk.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookEventTest {
  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void toEntity_objectWithId_carriesIdVersionAndFields() {
    WebhookEvent event = new WebhookEvent("evt_1", "order.created", T,
        Json.object().put("id", "ord_1").put("status", "pending"), "order:ord_1",
        RecordVersion.of(T, 4));

    Entity e = event.toEntity("bng", EntityType.SALES_ORDER, "id");

    assertThat(e.id()).isEqualTo("ord_1");
    assertThat(e.origin()).isEqualTo("bng");
    assertThat(e.updatedAt()).isEqualTo(T);
    assertThat(e.version()).hasValue(4);
    assertThat(e.text("status")).contains("pending");
  }

  @Test
  void toEntity_missingId_rejectedWithEventId() {
    WebhookEvent event = new WebhookEvent("evt_2", "order.created", T,
        Json.object().put("status", "pending"), "order:?", RecordVersion.of(T));

    assertThatThrownBy(() -> event.toEntity("bng", EntityType.SALES_ORDER, "id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evt_2");
  }
}
