package io.connectsdk.bng;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.Secret;
import io.connectsdk.core.event.EventDeduplicator;
import io.connectsdk.core.event.OrderingGuard;
import io.connectsdk.core.event.SignatureScheme;
import io.connectsdk.core.event.WebhookHandler;
import io.connectsdk.core.event.WebhookHeaders;
import io.connectsdk.core.event.WebhookListener;
import io.connectsdk.core.event.WebhookResponse;
import io.connectsdk.core.event.WebhookVerifier;
import io.connectsdk.core.sync.SyncJob;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The endpoint BNG posts events to, independent of any web framework: pass the request headers
 * and the raw body to {@link #handle} and answer with the returned status. Built from {@link
 * BngConnector#webhooks()}.
 *
 * <p>Per request: the {@code BNG-Signature} ({@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * t + "." + body)>}, one {@code v1} per active secret during rotation) is checked in constant time
 * against every configured secret and the timestamp must be within 300 s of now (401 otherwise,
 * 400 for an unreadable header); the body must be a well-formed event (400); an event id seen
 * before is answered 200 and not applied again; an event whose record {@code version} (or {@code
 * updated_at}) is not newer than one already applied is answered 200 and ignored. A new event is
 * queued (202) for the jobs' {@code onEvent}; when the queue is full the answer is 503, so BNG
 * redelivers and nothing is dropped. A job that fails makes the event forgotten, so BNG's
 * redelivery is applied. Nothing is thrown for bad input.
 *
 * <pre>{@code
 * BngWebhooks hooks = bng.webhooks()
 *     .secrets(Secret.of(System.getenv("BNG_WEBHOOK_SECRET")))
 *     .job(EntityType.CUSTOMER, customersToSage)
 *     .build();
 * BngWebhookServer server =
 *     BngWebhookServer.start(hooks, new InetSocketAddress(8080), "/bng/events");
 * }</pre>
 *
 * <p>Defaults: 300 s tolerance, one worker thread with a queue of 1 000 events, 100 000 event ids
 * remembered for 24 h, 100 000 record versions, 1 MiB bodies. Thread-safe.
 */
public final class BngWebhooks implements AutoCloseable {
  /** BNG's header: {@code BNG-Signature: t=<unix seconds>,v1=<hex>}. */
  static final SignatureScheme SCHEME = new SignatureScheme("BNG-Signature", "t", "v1");

  private final WebhookHandler handler;
  private final ExecutorService ownPool;

  private BngWebhooks(WebhookHandler handler, ExecutorService ownPool) {
    this.handler = handler;
    this.ownPool = ownPool;
  }

  /** Handles one request; {@code body} exactly as received. Never throws for bad input. */
  public WebhookResponse handle(Map<String, ? extends Collection<String>> headers, byte[] body) {
    return handler.handle(headers, body);
  }

  /** Handles one request whose headers are already a {@link WebhookHeaders}. */
  public WebhookResponse handle(WebhookHeaders headers, byte[] body) {
    return handler.handle(headers, body);
  }

  /** The largest body accepted (413 beyond), so a host can stop reading early. */
  public int maxBodyBytes() {
    return handler.maxBodyBytes();
  }

  /**
   * The header value BNG would send for {@code body} signed with {@code secret} at {@code
   * unixSeconds}: for tests and local tools.
   */
  public static String sign(Secret secret, long unixSeconds, byte[] body) {
    return SCHEME.sign(secret, unixSeconds, body);
  }

  /** Stops the own worker after the queued events are processed (waits at most 10 s). */
  @Override
  public void close() {
    if (ownPool != null) {
      ownPool.shutdown();
      try {
        ownPool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Configures {@link BngWebhooks}; not thread-safe. */
  public static final class Builder {
    private final String system;
    private Clock clock;
    private Supplier<? extends Collection<Secret>> secrets;
    private Duration tolerance = Duration.ofSeconds(300);
    private final Map<EntityType, List<SyncJob>> jobs = new LinkedHashMap<>();
    private int workers = 1;
    private int queueCapacity = 1_000;
    private Executor executor;
    private boolean inline;
    private EventDeduplicator deduplicator;
    private OrderingGuard orderingGuard;
    private WebhookListener listener;
    private int maxBodyBytes = 1 << 20;

    Builder(String system, Clock clock) {
      this.system = system;
      this.clock = clock;
    }

    /** The active signing secrets (current first, then the one being rotated out). */
    public Builder secrets(Secret first, Secret... more) {
      List<Secret> all = new ArrayList<>();
      all.add(requireNonNull(first, "secret"));
      for (Secret s : more) {
        all.add(requireNonNull(s, "secret"));
      }
      List<Secret> copy = List.copyOf(all);
      this.secrets = () -> copy;
      return this;
    }

    /** A live source of active secrets, read per request (rotate without rebuilding). */
    public Builder secretSource(Supplier<? extends Collection<Secret>> source) {
      this.secrets = requireNonNull(source, "source");
      return this;
    }

    /** How far the signed timestamp may be from now; default 300 s (bng.md). */
    public Builder tolerance(Duration tolerance) {
      this.tolerance = requireNonNull(tolerance, "tolerance");
      return this;
    }

    /** The clock for the timestamp window; default the connector's. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Events about {@code type} go to {@code job.onEvent}; the job must read this connector. */
    public Builder job(EntityType type, SyncJob job) {
      requireNonNull(type, "type");
      requireNonNull(job, "job");
      Resource r = Resource.of(type);
      if (!r.emitsEvents()) {
        throw new IllegalArgumentException("BNG sends no events about " + type);
      }
      jobs.computeIfAbsent(type, t -> new ArrayList<>()).add(job);
      return this;
    }

    /** Own queue: {@code workers} threads, at most {@code capacity} waiting events; 1, 1 000. */
    public Builder queue(int workers, int capacity) {
      if (workers < 1 || capacity < 1) {
        throw new IllegalArgumentException("workers and capacity must be at least 1");
      }
      this.workers = workers;
      this.queueCapacity = capacity;
      this.executor = null;
      this.inline = false;
      return this;
    }

    /**
     * Dispatches through the host's executor instead of the own queue; it must be bounded and
     * throw {@link java.util.concurrent.RejectedExecutionException} when full (answered 503).
     */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor");
      this.inline = false;
      return this;
    }

    /**
     * Runs the jobs on the request thread and answers 200 once applied, or 500 if a job failed
     * (BNG then redelivers). Slower answers; no queue.
     */
    public Builder inline() {
      this.inline = true;
      this.executor = null;
      return this;
    }

    public Builder deduplicator(EventDeduplicator deduplicator) {
      this.deduplicator = requireNonNull(deduplicator, "deduplicator");
      return this;
    }

    public Builder orderingGuard(OrderingGuard orderingGuard) {
      this.orderingGuard = requireNonNull(orderingGuard, "orderingGuard");
      return this;
    }

    public Builder listener(WebhookListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /** Larger bodies are refused with 413; default 1 MiB. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes < 1: " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** @throws IllegalStateException without secrets or without a job */
    public BngWebhooks build() {
      if (secrets == null) {
        throw new IllegalStateException(
            "no webhook secrets: call secrets(...) or secretSource(...)");
      }
      if (jobs.isEmpty()) {
        throw new IllegalStateException("no job: call job(type, syncJob)");
      }
      Map<EntityType, List<SyncJob>> routes = new LinkedHashMap<>();
      jobs.forEach((t, js) -> routes.put(t, List.copyOf(js)));
      WebhookHandler.Builder h = WebhookHandler.builder()
          .verifier(WebhookVerifier.builder().scheme(SCHEME).secretSource(secrets)
              .tolerance(tolerance).clock(clock).build())
          .parser(new BngEventParser())
          .consumer(new EventRouter(system, Map.copyOf(routes)))
          .maxBodyBytes(maxBodyBytes);
      if (deduplicator != null) {
        h.deduplicator(deduplicator);
      }
      if (orderingGuard != null) {
        h.orderingGuard(orderingGuard);
      }
      if (listener != null) {
        h.listener(listener);
      }
      ExecutorService pool = null;
      if (executor != null) {
        h.executor(executor);
      } else if (!inline) {
        pool = pool(system, workers, queueCapacity);
        h.executor(pool);
      }
      return new BngWebhooks(h.build(), pool);
    }

    private static ExecutorService pool(String system, int workers, int capacity) {
      AtomicInteger n = new AtomicInteger();
      ThreadFactory threads = r -> {
        Thread t = new Thread(r, system + "-webhooks-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
      return new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(capacity), threads, new ThreadPoolExecutor.AbortPolicy());
    }
  }
}
