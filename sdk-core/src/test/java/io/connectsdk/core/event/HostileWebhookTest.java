package io.connectsdk.core.event;

import static io.connectsdk.core.event.TestSignatures.CLOCK;
import static io.connectsdk.core.event.TestSignatures.T;
import static io.connectsdk.core.event.TestSignatures.bytes;
import static io.connectsdk.core.event.TestSignatures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** One test per hostile webhook case the review found. */
class HostileWebhookTest {
  private static final String SECRET = "whsec_test";

  private final List<String> failures = new ArrayList<>();

  private WebhookHandler.Builder handler(Consumer<WebhookEvent> consumer) {
    return WebhookHandler.builder()
        .verifier(WebhookVerifier.builder().secrets(Secret.of(SECRET)).clock(CLOCK).build())
        .consumer(consumer)
        .listener(new WebhookListener() {
          @Override
          public void dispatchFailed(WebhookEvent event, Throwable failure) {
            failures.add(event.id() + ":" + failure.getClass().getSimpleName());
          }
        });
  }

  private static WebhookResponse send(WebhookHandler h, String json) {
    byte[] body = bytes(json);
    return h.handle(signed(SECRET, T, body), body);
  }

  private static String order(String id, String updatedAt, String total) {
    return """
        {"id":"%s","type":"order.updated","created_at":"2026-11-22T09:59:59Z",\
        "data":{"object":{"id":"ord_1","updated_at":"%s","total":"%s"}}}"""
        .formatted(id, updatedAt, total);
  }

  @Test
  void handle_consumerThrowsError_eventNotMarkedSeenSoRedeliveryIsProcessed() {
    List<String> applied = new ArrayList<>();
    int[] calls = {0};
    WebhookHandler h = handler(e -> {
      if (calls[0]++ == 0) {
        throw new AssertionError("consumer bug");
      }
      applied.add(e.id());
    }).build();

    WebhookResponse first = send(h, order("evt_1", "2026-11-22T09:00:00Z", "1"));
    WebhookResponse redelivery = send(h, order("evt_1", "2026-11-22T09:00:00Z", "1"));

    assertThat(first.status()).isEqualTo(500);
    assertThat(redelivery.outcome()).isEqualTo(WebhookOutcome.ACCEPTED);
    assertThat(applied).containsExactly("evt_1");
    assertThat(failures).containsExactly("evt_1:AssertionError");
  }

  @Test
  void handle_consumerStackOverflow_rethrownAfterForgettingTheEvent() {
    int[] calls = {0};
    WebhookHandler h = handler(e -> {
      if (calls[0]++ == 0) {
        throw new StackOverflowError();
      }
    }).build();

    assertThatThrownBy(() -> send(h, order("evt_1", "2026-11-22T09:00:00Z", "1")))
        .isInstanceOf(StackOverflowError.class);
    assertThat(send(h, order("evt_1", "2026-11-22T09:00:00Z", "1")).outcome())
        .isEqualTo(WebhookOutcome.ACCEPTED);
    assertThat(calls[0]).isEqualTo(2);
  }

  @Test
  void handle_queuedConsumerThrowsError_forgottenAndDeadLetterListenerTold() {
    List<Runnable> queue = new ArrayList<>();
    int[] calls = {0};
    WebhookHandler h = handler(e -> {
      if (calls[0]++ == 0) {
        throw new ExceptionInInitializerError("static init failed");
      }
    }).executor(queue::add).build();

    assertThat(send(h, order("evt_1", "2026-11-22T09:00:00Z", "1")).outcome())
        .isEqualTo(WebhookOutcome.QUEUED);
    queue.remove(0).run();

    assertThat(failures).containsExactly("evt_1:ExceptionInInitializerError");
    assertThat(send(h, order("evt_1", "2026-11-22T09:00:00Z", "1")).outcome())
        .isEqualTo(WebhookOutcome.QUEUED);
  }

  @Test
  void handle_orderingGuardThrowsError_eventNotMarkedSeen() {
    boolean[] broken = {true};
    OrderingGuard guard = new OrderingGuard() {
      private final OrderingGuard real = OrderingGuard.inMemory(10);

      @Override
      public boolean tryAdvance(String recordKey, RecordVersion version) {
        if (broken[0]) {
          throw new NoClassDefFoundError("driver");
        }
        return real.tryAdvance(recordKey, version);
      }

      @Override
      public void forget(String recordKey, RecordVersion version) {
        real.forget(recordKey, version);
      }

      @Override
      public Optional<RecordVersion> newest(String recordKey) {
        return real.newest(recordKey);
      }
    };
    List<String> applied = new ArrayList<>();
    WebhookHandler h = handler(e -> applied.add(e.id())).orderingGuard(guard).build();

    assertThat(send(h, order("evt_1", "2026-11-22T09:00:00Z", "1")).outcome())
        .isEqualTo(WebhookOutcome.INTERNAL_ERROR);
    broken[0] = false;
    assertThat(send(h, order("evt_1", "2026-11-22T09:00:00Z", "1")).outcome())
        .isEqualTo(WebhookOutcome.ACCEPTED);
    assertThat(applied).containsExactly("evt_1");
  }

  @Test
  void handle_secondChangeWithSameUpdatedAtAndNoVersion_acceptedNotStale() {
    List<String> applied = new ArrayList<>();
    WebhookHandler h = handler(e -> applied.add(e.object().get("total").textValue())).build();

    send(h, order("evt_1", "2026-11-22T09:00:00Z", "10.00"));
    WebhookResponse second = send(h, order("evt_2", "2026-11-22T09:00:00Z", "12.00"));
    WebhookResponse sameContent = send(h, order("evt_3", "2026-11-22T09:00:00Z", "12.00"));
    WebhookResponse older = send(h, order("evt_4", "2026-11-22T08:59:59Z", "99.00"));

    assertThat(second.outcome()).isEqualTo(WebhookOutcome.ACCEPTED);
    assertThat(sameContent.outcome()).isEqualTo(WebhookOutcome.STALE);
    assertThat(older.outcome()).isEqualTo(WebhookOutcome.STALE);
    assertThat(applied).containsExactly("10.00", "12.00");
  }

  @Test
  void isNewerThan_equalTimesNoVersion_decidedByContent() {
    var t = java.time.Instant.parse("2026-11-22T09:00:00Z");

    assertThat(RecordVersion.of(t).withContentHash("b").isNewerThan(
        RecordVersion.of(t).withContentHash("a"))).isTrue();
    assertThat(RecordVersion.of(t).withContentHash("a").isNewerThan(
        RecordVersion.of(t).withContentHash("a"))).isFalse();
    assertThat(RecordVersion.of(t).isNewerThan(RecordVersion.of(t).withContentHash("a")))
        .isFalse();
    assertThat(RecordVersion.of(t, 3).withContentHash("b").isNewerThan(
        RecordVersion.of(t, 3).withContentHash("a"))).isFalse(); // a version counter decides
  }

  @Test
  void parse_tinyAndHugeNumbersInTheRecord_parsedAndHashedWithoutExpanding() {
    List<String> applied = new ArrayList<>();
    WebhookHandler h = handler(e -> applied.add(e.id())).build();
    String body = """
        {"id":"evt_n","type":"order.updated","created_at":"2026-11-22T09:59:59Z",\
        "data":{"object":{"id":"ord_1","updated_at":"2026-11-22T09:00:00Z",\
        "a":1e-999999999,"b":1e999999999}}}""";

    assertThat(send(h, body).outcome()).isEqualTo(WebhookOutcome.ACCEPTED);
    assertThat(applied).containsExactly("evt_n");
  }

  @Test
  void parse_deeplyNestedRecord_malformedNotStackOverflow() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    WebhookHandler h = handler(e -> { }).build();

    WebhookResponse r = send(h, order("evt_d", "2026-11-22T09:00:00Z", "1")
        .replace("\"total\":\"1\"", "\"deep\":" + deep));

    assertThat(r.outcome()).isEqualTo(WebhookOutcome.MALFORMED_EVENT);
  }
}
