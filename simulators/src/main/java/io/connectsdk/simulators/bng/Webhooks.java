package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook events and their delivery: every change becomes an event queued for each subscriber;
 * deliveries happen only when a test calls {@link #deliver(boolean)}, synchronously, so runs are
 * deterministic. A non-2xx answer or an I/O error leaves the event queued for the next call (at
 * least once). Thread-safe; no lock is held while posting, so a subscriber may call the API.
 */
final class Webhooks implements EventSink {
  private static final class Subscriber {
    final URI url;
    final List<String> secrets;
    final List<BngEvent> pending = new ArrayList<>();

    Subscriber(URI url, List<String> secrets) {
      this.url = url;
      this.secrets = List.copyOf(secrets);
    }
  }

  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<URI, Subscriber> subscribers = new LinkedHashMap<>();
  private final List<BngEvent> events = new ArrayList<>();
  private final Object deliveryLock = new Object();
  private long sequence;
  private long attempts;
  private long delivered;

  Webhooks(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void emit(String type, ObjectNode object, Instant at) {
    String id = String.format("evt_%012d", ++sequence);
    String createdAt = BngJson.timestamp(at);
    ObjectNode root = BngJson.MAPPER.createObjectNode();
    root.put("id", id);
    root.put("type", type);
    root.put("created_at", createdAt);
    root.putObject("data").set("object", object);
    BngEvent event = new BngEvent(id, type, createdAt, BngJson.write(root));
    events.add(event);
    subscribers.values().forEach(s -> s.pending.add(event));
  }

  synchronized void subscribe(URI url, List<String> secrets) {
    Subscriber old = subscribers.get(url);
    Subscriber s = new Subscriber(url, secrets);
    if (old != null) {
      s.pending.addAll(old.pending);
    }
    subscribers.put(url, s);
  }

  synchronized void unsubscribe(URI url) {
    subscribers.remove(url);
  }

  /** Queues every event emitted so far again for every subscriber (duplicates). */
  synchronized void redeliverAll() {
    subscribers.values().forEach(s -> s.pending.addAll(events));
  }

  /** Queues one event again for every subscriber. */
  synchronized void redeliver(String eventId) {
    BngEvent e = events.stream().filter(x -> x.id().equals(eventId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no event " + eventId));
    subscribers.values().forEach(s -> s.pending.add(e));
  }

  /**
   * Posts every queued event, oldest first or (reversed) newest first; returns the number of
   * 2xx answers. Failed ones stay queued in their original order.
   */
  int deliver(boolean reversed) {
    synchronized (deliveryLock) {
      Map<Subscriber, List<BngEvent>> batch = new LinkedHashMap<>();
      synchronized (this) {
        for (Subscriber s : subscribers.values()) {
          batch.put(s, new ArrayList<>(s.pending));
          s.pending.clear();
        }
      }
      int ok = 0;
      for (Map.Entry<Subscriber, List<BngEvent>> e : batch.entrySet()) {
        List<BngEvent> order = new ArrayList<>(e.getValue());
        if (reversed) {
          Collections.reverse(order);
        }
        List<BngEvent> failed = new ArrayList<>();
        for (BngEvent event : order) {
          if (post(e.getKey(), event)) {
            ok++;
          } else {
            failed.add(event);
          }
        }
        if (reversed) {
          Collections.reverse(failed);
        }
        requeue(e.getKey(), failed);
      }
      return ok;
    }
  }

  synchronized List<BngEvent> events() {
    return List.copyOf(events);
  }

  synchronized int pending() {
    return subscribers.values().stream().mapToInt(s -> s.pending.size()).sum();
  }

  synchronized long attempts() {
    return attempts;
  }

  synchronized long delivered() {
    return delivered;
  }

  synchronized void clear() {
    events.clear();
    subscribers.values().forEach(s -> s.pending.clear());
    attempts = 0;
    delivered = 0;
  }

  private synchronized void requeue(Subscriber s, List<BngEvent> failed) {
    // failed deliveries go first, ahead of events emitted while delivering
    s.pending.addAll(0, failed);
  }

  private boolean post(Subscriber s, BngEvent event) {
    long t = clock.instant().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(s.url)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("BNG-Signature", WebhookSigner.header(t, event.body(), s.secrets))
        .POST(HttpRequest.BodyPublishers.ofString(event.body(), StandardCharsets.UTF_8))
        .build();
    synchronized (this) {
      attempts++;
    }
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      boolean ok = status >= 200 && status < 300;
      if (ok) {
        synchronized (this) {
          delivered++;
        }
      }
      return ok;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
