package io.connectsdk.core.event;

import static io.connectsdk.core.event.TestSignatures.CLOCK;
import static io.connectsdk.core.event.TestSignatures.T;
import static io.connectsdk.core.event.TestSignatures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Secret;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.InMemoryDeadLetterQueue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class DeadLetterWebhookListenerTest {
  private static final String SECRET = "whsec_test";
  private final InMemoryDeadLetterQueue queue = new InMemoryDeadLetterQueue(CLOCK);
  private final DeadLetterWebhookListener listener =
      new DeadLetterWebhookListener(queue, "bng-webhooks", "bng");

  private WebhookHandler.Builder handler() {
    return WebhookHandler.builder().parser(io.connectsdk.core.event.TestEnvelopes.parser())
        .verifier(WebhookVerifier.builder().scheme(io.connectsdk.core.event.TestEnvelopes.SCHEME).secrets(Secret.of(SECRET)).clock(CLOCK).build())
        .consumer(e -> {})
        .listener(listener);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void malformedEvent_authenticBody_deadLetteredWithReasonAndRawBody() {
    WebhookHandler h = handler().build();
    byte[] body = bytes("{\"id\":\"evt_1\",\"type\":\"order.created\",\"created_at\":42}");

    WebhookResponse first = h.handle(signed(SECRET, T, body), body);
    h.handle(signed(SECRET, T, body), body); // the sender redelivers the same bad body

    assertThat(first.outcome()).isEqualTo(WebhookOutcome.MALFORMED_EVENT);
    List<DeadLetter> letters = queue.list("bng-webhooks", 0, 10);
    assertThat(letters).singleElement().satisfies(d -> {
      assertThat(d.error().code()).isEqualTo("MalformedEvent");
      assertThat(d.error().message()).isNotBlank();
      assertThat(d.attempts()).isEqualTo(2);
      assertThat(d.record().text("raw_body")).contains(new String(body, StandardCharsets.UTF_8));
      assertThat(d.source().toString()).startsWith("bng:webhook_event:sha256:");
    });
  }

  @Test
  void badSignature_notKept() {
    WebhookHandler h = handler().build();
    byte[] body = bytes("not json at all");

    WebhookResponse r = h.handle(signed("whsec_forged", T, body), body);

    assertThat(r.outcome()).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
    assertThat(queue.count("bng-webhooks")).isZero();
  }

  @Test
  void dispatchFailed_queuedEventConsumerThrows_deadLetteredAsTransient() {
    List<Runnable> queued = new ArrayList<>();
    Executor later = queued::add;
    WebhookHandler h = handler().executor(later)
        .consumer(e -> {
          throw new IllegalStateException("target down for " + e.object());
        })
        .build();
    byte[] body = bytes("{\"id\":\"evt_9\",\"type\":\"order.updated\",\"created_at\":"
        + "\"2026-11-22T10:00:00Z\",\"data\":{\"object\":{\"id\":\"ord_1\",\"email\":\"a@b.c\","
        + "\"updated_at\":\"2026-11-22T09:59:00Z\",\"version\":3}}}");

    WebhookResponse r = h.handle(signed(SECRET, T, body), body);
    queued.forEach(Runnable::run);

    assertThat(r.outcome()).isEqualTo(WebhookOutcome.QUEUED);
    assertThat(queue.list("bng-webhooks", 0, 10)).singleElement().satisfies(d -> {
      assertThat(d.source().id()).isEqualTo("evt_9");
      assertThat(d.error().kind()).isEqualTo(ErrorKind.TRANSIENT);
      assertThat(d.error().message()).contains("IllegalStateException").doesNotContain("a@b.c");
      assertThat(d.record().field("object").path("id").asText()).isEqualTo("ord_1");
    });
  }
}
