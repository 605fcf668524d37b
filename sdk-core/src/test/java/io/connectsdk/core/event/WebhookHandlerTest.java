package io.connectsdk.core.event;

import static io.connectsdk.core.event.TestSignatures.CLOCK;
import static io.connectsdk.core.event.TestSignatures.T;
import static io.connectsdk.core.event.TestSignatures.bytes;
import static io.connectsdk.core.event.TestSignatures.event;
import static io.connectsdk.core.event.TestSignatures.header;
import static io.connectsdk.core.event.TestSignatures.hmacHex;
import static io.connectsdk.core.event.TestSignatures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WebhookHandlerTest {
  private static final String SECRET = "whsec_test";

  private final List<WebhookEvent> received = new ArrayList<>();
  private final List<WebhookRejection> rejections = new ArrayList<>();
  private final List<String> deadLetters = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final WebhookListener listener = new WebhookListener() {
    @Override
    public void rejected(WebhookRejection rejection) {
      rejections.add(rejection);
    }

    @Override
    public void malformedEvent(String reason, byte[] rawBody) {
      deadLetters.add(reason + " | " + new String(rawBody, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void dispatchFailed(WebhookEvent event, Throwable failure) {
      failures.add(event.id() + ":" + failure.getMessage());
    }
  };

  private WebhookHandler.Builder handler(Consumer<WebhookEvent> consumer) {
    return WebhookHandler.builder()
        .verifier(WebhookVerifier.builder().secrets(Secret.of(SECRET)).clock(CLOCK).build())
        .consumer(consumer)
        .listener(listener);
  }

  private WebhookHandler handler() {
    return handler(received::add).build();
  }

  private static WebhookResponse send(WebhookHandler h, String json) {
    byte[] body = bytes(json);
    return h.handle(signed(SECRET, T, body), body);
  }

  private static String order(String eventId, String updatedAt, long version) {
    return event(eventId, "order.updated", "ord_1", updatedAt, version);
  }

  @Test
  void handle_validEvent_acceptedAndDispatched() {
    WebhookResponse r = send(handler(), order("evt_1", "2026-11-22T09:00:00Z", 1));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.outcome()).isEqualTo(WebhookOutcome.ACCEPTED);
    assertThat(r.eventId()).isEqualTo("evt_1");
    assertThat(received).extracting(WebhookEvent::id).containsExactly("evt_1");
    assertThat(rejections).isEmpty();
  }

  @Test
  void handle_multiValuedMapWithLowerCaseName_accepted() {
    byte[] body = bytes(order("evt_1", "2026-11-22T09:00:00Z", 1));
    String sig = "t=" + T + ",v1=" + hmacHex(SECRET, T, body);

    WebhookResponse r = handler().handle(Map.of("bng-signature", List.of(sig)), body);

    assertThat(r.outcome()).isEqualTo(WebhookOutcome.ACCEPTED);
  }

  @Test
  void handle_redelivery_duplicate200DispatchedOnce() {
    WebhookHandler h = handler();
    send(h, order("evt_1", "2026-11-22T09:00:00Z", 1));

    WebhookResponse again = send(h, order("evt_1", "2026-11-22T09:00:00Z", 1));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.outcome()).isEqualTo(WebhookOutcome.DUPLICATE);
    assertThat(received).hasSize(1);
  }

  @Test
  void handle_olderEventAfterNewer_stale200NotDispatched() {
    WebhookHandler h = handler();
    send(h, order("evt_2", "2026-11-22T09:05:00Z", 2));

    WebhookResponse old = send(h, order("evt_1", "2026-11-22T09:00:00Z", 1));

    assertThat(old.status()).isEqualTo(200);
    assertThat(old.outcome()).isEqualTo(WebhookOutcome.STALE);
    assertThat(received).extracting(WebhookEvent::id).containsExactly("evt_2");
  }

  @Test
  void handle_badSignature_401NotDispatched() {
    byte[] body = bytes(order("evt_1", "2026-11-22T09:00:00Z", 1));

    WebhookResponse r = handler().handle(signed("whsec_wrong", T, body), body);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.outcome()).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
    assertThat(r.detail()).doesNotContain(SECRET).doesNotContain(hmacHex(SECRET, T, body));
    assertThat(received).isEmpty();
    assertThat(rejections).extracting(WebhookRejection::outcome)
        .containsExactly(WebhookOutcome.BAD_SIGNATURE);
  }

  @Test
  void handle_staleTimestamp_401() {
    byte[] body = bytes(order("evt_1", "2026-11-22T09:00:00Z", 1));

    WebhookResponse r = handler().handle(signed(SECRET, T - 600, body), body);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.outcome()).isEqualTo(WebhookOutcome.STALE_TIMESTAMP);
  }

  @Test
  void handle_missingOrMalformedSignatureHeader_401Or400() {
    byte[] body = bytes(order("evt_1", "2026-11-22T09:00:00Z", 1));
    WebhookHandler h = handler();

    assertThat(h.handle(WebhookHeaders.of(Map.of()), body).status()).isEqualTo(401);
    assertThat(h.handle(header("t=now,v1=abc"), body).status()).isEqualTo(400);
    assertThat(received).isEmpty();
  }

  @Test
  void handle_authenticButMalformedEvent_400AndDeadLettered() {
    WebhookResponse r = send(handler(), "{\"id\":\"evt_1\",\"type\":42}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.outcome()).isEqualTo(WebhookOutcome.MALFORMED_EVENT);
    assertThat(r.detail()).contains("field 'type' must be a string");
    assertThat(deadLetters).containsExactly(
        "field 'type' must be a string, not NUMBER | {\"id\":\"evt_1\",\"type\":42}");
  }

  @Test
  void handle_bodyTooLarge_413BeforeVerifying() {
    WebhookHandler h = handler(received::add).maxBodyBytes(10).build();
    byte[] body = bytes("{\"id\":\"evt_toolong\"}");

    WebhookResponse r = h.handle(WebhookHeaders.of(Map.of()), body);

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.outcome()).isEqualTo(WebhookOutcome.BODY_TOO_LARGE);
    assertThat(h.maxBodyBytes()).isEqualTo(10);
  }

  @Test
  void handle_defaultMaxBody_isOneMebibyte() {
    assertThat(handler().maxBodyBytes()).isEqualTo(1 << 20);
  }

  @Test
  void handle_consumerThrows_500AndRedeliveryProcessed() {
    int[] calls = {0};
    WebhookHandler h = handler(e -> {
      if (calls[0]++ == 0) {
        throw new IllegalStateException("db down");
      }
      received.add(e);
    }).build();

    WebhookResponse first = send(h, order("evt_1", "2026-11-22T09:00:00Z", 1));
    WebhookResponse retry = send(h, order("evt_1", "2026-11-22T09:00:00Z", 1));

    assertThat(first.status()).isEqualTo(500);
    assertThat(first.outcome()).isEqualTo(WebhookOutcome.DISPATCH_FAILED);
    assertThat(first.detail()).doesNotContain("db down");
    assertThat(failures).containsExactly("evt_1:db down");
    assertThat(retry.outcome()).isEqualTo(WebhookOutcome.ACCEPTED);
    assertThat(received).hasSize(1);
  }

  @Test
  void handle_withExecutor_queued202AndRunLater() {
    List<Runnable> queue = new ArrayList<>();
    WebhookHandler h = handler(received::add).executor(queue::add).build();

    WebhookResponse r = send(h, order("evt_1", "2026-11-22T09:00:00Z", 1));

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.outcome()).isEqualTo(WebhookOutcome.QUEUED);
    assertThat(received).isEmpty();
    queue.forEach(Runnable::run);
    assertThat(received).extracting(WebhookEvent::id).containsExactly("evt_1");
  }

  @Test
  void handle_queuedConsumerThrows_reportedAndRedeliveryProcessed() {
    List<Runnable> queue = new ArrayList<>();
    WebhookHandler h = handler(e -> {
      throw new IllegalStateException("boom");
    }).executor(queue::add).build();
    send(h, order("evt_1", "2026-11-22T09:00:00Z", 1));

    queue.remove(0).run();

    assertThat(failures).containsExactly("evt_1:boom");
    assertThat(send(h, order("evt_1", "2026-11-22T09:00:00Z", 1)).outcome())
        .isEqualTo(WebhookOutcome.QUEUED);
  }

  @Test
  void handle_executorRejects_503AndRedeliveryProcessed() {
    boolean[] full = {true};
    List<Runnable> queue = new ArrayList<>();
    WebhookHandler h = handler(received::add).executor(task -> {
      if (full[0]) {
        throw new RejectedExecutionException("full");
      }
      queue.add(task);
    }).build();

    WebhookResponse refused = send(h, order("evt_1", "2026-11-22T09:00:00Z", 1));
    full[0] = false;
    WebhookResponse retried = send(h, order("evt_1", "2026-11-22T09:00:00Z", 1));

    assertThat(refused.status()).isEqualTo(503);
    assertThat(retried.outcome()).isEqualTo(WebhookOutcome.QUEUED);
  }

  @Test
  void handle_listenerThrows_responseUnaffected() {
    WebhookHandler h = handler(received::add).listener(new WebhookListener() {
      @Override
      public void rejected(WebhookRejection rejection) {
        throw new IllegalStateException("listener bug");
      }
    }).build();

    assertThat(h.handle(WebhookHeaders.of(Map.of()), bytes("{}")).status()).isEqualTo(401);
  }

  @Test
  void handle_partThrowsUnexpectedly_500NoException() {
    WebhookHandler h = handler(received::add).parser(body -> {
      throw new IllegalStateException("parser bug");
    }).build();

    WebhookResponse r = send(h, order("evt_1", "2026-11-22T09:00:00Z", 1));

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.outcome()).isEqualTo(WebhookOutcome.INTERNAL_ERROR);
  }

  @Test
  void builder_missingParts_refused() {
    assertThatThrownBy(() -> WebhookHandler.builder().consumer(e -> { }).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("verifier");
    assertThatThrownBy(() -> handler(received::add).consumer(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void builder_reused_handlersDoNotShareMemory() {
    WebhookHandler.Builder b = handler(received::add);
    WebhookHandler first = b.build();
    WebhookHandler second = b.build();
    send(first, order("evt_1", "2026-11-22T09:00:00Z", 1));

    assertThat(send(second, order("evt_1", "2026-11-22T09:00:00Z", 1)).outcome())
        .isEqualTo(WebhookOutcome.ACCEPTED);
  }

  @Test
  void headers_toString_showsNamesOnly() {
    assertThat(header("t=1,v1=secretish").toString()).isEqualTo("WebhookHeaders[BNG-Signature]");
  }
}
