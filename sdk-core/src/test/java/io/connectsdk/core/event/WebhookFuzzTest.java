package io.connectsdk.core.event;

import static io.connectsdk.core.event.TestSignatures.CLOCK;
import static io.connectsdk.core.event.TestSignatures.T;
import static io.connectsdk.core.event.TestSignatures.bytes;
import static io.connectsdk.core.event.TestSignatures.header;
import static io.connectsdk.core.event.TestSignatures.hmacHex;
import static io.connectsdk.core.event.TestSignatures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.Secret;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the webhook handler: genuine events, each redelivered by the sender until it
 * gets a 2xx, mixed with forged, tampered, stale-timestamped, replayed, oversized and malformed
 * deliveries, to a consumer that crashes now and then (exceptions, errors, a stack overflow).
 * Nothing forged may reach the consumer; nothing genuine may be lost: per record, the newest
 * genuine state ends applied (or, for queued dispatch, dead-lettered), and every genuine event
 * is applied, dead-lettered, or answered as a duplicate or as stale only after a state at least as
 * new was applied.
 */
class WebhookFuzzTest {
  private static final String SECRET = "whsec_fuzz";
  private static final int MAX_BODY = 4096;

  /** One genuine event. */
  private record Genuine(String id, String key, int tick, String total, byte[] body) {}

  @Test
  void handle_hostileTraffic_inline_nothingForgedAppliedNothingGenuineLost() {
    run(false, 20261204L);
  }

  @Test
  void handle_hostileTraffic_queued_nothingForgedAppliedNothingGenuineLost() {
    run(true, 20261205L);
  }

  private void run(boolean queued, long seed) {
    Random random = new Random(seed);
    Map<String, String> appliedTotal = new HashMap<>(); // event id -> total applied
    Set<String> deadLettered = new HashSet<>();
    Map<String, Integer> newestApplied = new HashMap<>(); // record key -> tick
    Deque<Runnable> queue = new ArrayDeque<>();
    WebhookHandler.Builder b = WebhookHandler.builder()
        .verifier(WebhookVerifier.builder().secrets(Secret.of(SECRET)).clock(CLOCK).build())
        .maxBodyBytes(MAX_BODY)
        .consumer(e -> {
          int roll = random.nextInt(100);
          if (roll < 8) {
            throw new IllegalStateException("consumer down");
          } else if (roll < 12) {
            throw new AssertionError("consumer bug");
          } else if (roll < 13) {
            throw new StackOverflowError("consumer recursed");
          }
          appliedTotal.put(e.id(), e.object().get("total").textValue());
          newestApplied.merge(e.recordKey(), tick(e), Math::max);
        })
        .listener(new WebhookListener() {
          @Override
          public void dispatchFailed(WebhookEvent event, Throwable failure) {
            deadLettered.add(event.id());
          }
        });
    if (queued) {
      b.executor(queue::add);
    }
    WebhookHandler h = b.build();

    List<Genuine> genuine = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String key = "ord_" + random.nextInt(40);
      int tick = random.nextInt(30); // equal ticks with other content happen: both are changes
      String total = random.nextInt(5) + ".00";
      String id = "evt_" + i;
      String json = """
          {"id":"%s","type":"order.updated","created_at":"2026-11-22T09:59:59Z",\
          "data":{"object":{"id":"%s","updated_at":"%s","total":"%s"}}}"""
          .formatted(id, key, Instant.parse("2026-11-22T09:00:00Z").plusSeconds(tick), total);
      genuine.add(new Genuine(id, "order:" + key, tick, total, bytes(json)));
    }
    Map<String, WebhookOutcome> finalAnswer = new HashMap<>();
    Map<String, Integer> newestAtAnswer = new HashMap<>();
    int forgedSent = 0;
    for (Genuine g : genuine) {
      for (int hostile = random.nextInt(3); hostile > 0; hostile--) {
        forgedSent++;
        WebhookResponse r = hostile(h, g, random);
        assertThat(r.outcome().isSuccess() && r.outcome() != WebhookOutcome.DUPLICATE
            && r.outcome() != WebhookOutcome.STALE).as("hostile %s", r).isFalse();
      }
      WebhookOutcome answer = null;
      for (int attempt = 0; attempt < 20 && (answer == null || !answer.isSuccess()); attempt++) {
        try {
          answer = h.handle(signed(SECRET, T, g.body()), g.body()).outcome();
        } catch (StackOverflowError e) {
          answer = null; // the host answers 500; the sender redelivers
        }
        if (queued && random.nextBoolean()) {
          drain(queue);
        }
      }
      assertThat(answer).as(g.id()).isNotNull();
      assertThat(answer.isSuccess()).as(g.id() + " " + answer).isTrue();
      finalAnswer.put(g.id(), answer);
      newestAtAnswer.put(g.id(), newestApplied.getOrDefault(g.key(), -1));
      if (random.nextInt(4) == 0) { // a replay of the genuine bytes
        WebhookResponse replay = h.handle(signed(SECRET, T, g.body()), g.body());
        assertThat(replay.outcome()).isIn(WebhookOutcome.DUPLICATE, WebhookOutcome.STALE,
            WebhookOutcome.ACCEPTED, WebhookOutcome.QUEUED, WebhookOutcome.DISPATCH_FAILED);
      }
    }
    drain(queue);

    Map<String, Genuine> byId = new HashMap<>();
    genuine.forEach(g -> byId.put(g.id(), g));
    assertThat(forgedSent).isGreaterThan(400);
    // nothing forged applied: only genuine ids, each with its genuine content
    appliedTotal.forEach((id, total) -> {
      assertThat(byId).containsKey(id);
      assertThat(total).isEqualTo(byId.get(id).total());
    });
    for (Genuine g : genuine) {
      WebhookOutcome answer = finalAnswer.get(g.id());
      boolean kept = appliedTotal.containsKey(g.id()) || deadLettered.contains(g.id());
      if (answer == WebhookOutcome.STALE) {
        assertThat(newestAtAnswer.get(g.id())).as("%s stale", g.id())
            .isGreaterThanOrEqualTo(g.tick());
      } else if (answer != WebhookOutcome.DUPLICATE) {
        assertThat(kept).as("%s answered %s", g.id(), answer).isTrue();
      }
    }
    // per record, the newest genuine tick was applied or dead-lettered
    Map<String, Integer> newestSent = new HashMap<>();
    genuine.forEach(g -> newestSent.merge(g.key(), g.tick(), Math::max));
    newestSent.forEach((key, tick) -> {
      boolean newestKept = genuine.stream().filter(g -> g.key().equals(key) && g.tick() == tick)
          .anyMatch(g -> appliedTotal.containsKey(g.id()) || deadLettered.contains(g.id()));
      assertThat(newestKept).as("newest state of %s", key).isTrue();
    });
  }

  private static int tick(WebhookEvent e) {
    return (int) (e.recordVersion().updatedAt().getEpochSecond()
        - Instant.parse("2026-11-22T09:00:00Z").getEpochSecond());
  }

  private static void drain(Deque<Runnable> queue) {
    while (!queue.isEmpty()) {
      try {
        queue.poll().run();
      } catch (StackOverflowError e) {
        // the executor's thread dies; the event was forgotten and dead-lettered first
      }
    }
  }

  /** One forged, tampered, stale, oversized or malformed delivery about {@code g}. */
  private static WebhookResponse hostile(WebhookHandler h, Genuine g, Random random) {
    byte[] body = g.body();
    byte[] tampered = new String(body, java.nio.charset.StandardCharsets.UTF_8)
        .replace("\"total\":\"", "\"total\":\"9").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return switch (random.nextInt(10)) {
      case 0 -> h.handle(signed("whsec_wrong", T, body), body);
      case 1 -> h.handle(signed(SECRET, T, body), tampered);
      case 2 -> h.handle(header("t=" + T + ",v1=" + "0".repeat(64)), body);
      case 3 -> h.handle(WebhookHeaders.of(Map.of()), body);
      case 4 -> h.handle(header("t=" + T + ",v1=zz"), body);
      case 5 -> h.handle(signed(SECRET, T - 301 - random.nextInt(10_000), body), body);
      case 6 -> h.handle(signed(SECRET, T + 301, body), body);
      case 7 -> {
        byte[] big = new byte[MAX_BODY + 1 + random.nextInt(1000)];
        yield h.handle(signed(SECRET, T, big), big);
      }
      case 8 -> {
        byte[] bad = bytes(random.nextBoolean() ? "{\"id\":\"evt_x\"" : "{\"id\":5,\"type\":\"x\"}");
        yield h.handle(signed(SECRET, T, bad), bad);
      }
      default -> h.handle(header("t=" + T + ",v1=" + hmacHex(SECRET, T + 1, body)), body);
    };
  }
}
