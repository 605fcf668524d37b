package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Framework-agnostic webhook endpoint: give it the request headers and raw body, write back the
 * returned status. It checks size, signature and timestamp, parses the event, drops redeliveries
 * (200 {@link WebhookOutcome#DUPLICATE}) and events older than known data (200 {@link
 * WebhookOutcome#STALE}), and hands the rest to the consumer, inline or through an executor. Bad
 * input never throws: it becomes a 4xx response and a {@link WebhookListener#rejected} call.
 *
 * <p>An event counts as seen only once it is handled: when anything fails after its id was
 * marked (the consumer, the ordering guard, the executor, with an exception or an {@link Error}),
 * its id and version are forgotten before the failure is answered, so the sender's redelivery is
 * processed instead of being answered "duplicate". A {@link VirtualMachineError} (out of memory,
 * stack overflow) is rethrown after that; any other throwable becomes a 5xx answer. Thread-safe.
 *
 * <p>Defaults: {@link JsonEventParser#bng()}, 100 000 remembered event ids for 24 h, 100 000
 * remembered record versions, inline dispatch, 1 MiB maximum body.
 *
 * <pre>{@code
 * WebhookHandler handler = WebhookHandler.builder()
 *     .verifier(WebhookVerifier.builder().secrets(secret).build())
 *     .consumer(engine::onEvent)
 *     .build();
 * WebhookResponse r = handler.handle(request.headers(), request.bodyBytes());
 * }</pre>
 */
public final class WebhookHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  private final WebhookVerifier verifier;
  private final EventParser parser;
  private final EventDeduplicator deduplicator;
  private final OrderingGuard orderingGuard;
  private final Consumer<WebhookEvent> consumer;
  private final Executor executor;
  private final WebhookListener listener;
  private final int maxBodyBytes;

  private WebhookHandler(Builder b, EventDeduplicator deduplicator, OrderingGuard orderingGuard) {
    this.verifier = b.verifier;
    this.parser = b.parser;
    this.deduplicator = deduplicator;
    this.orderingGuard = orderingGuard;
    this.consumer = b.consumer;
    this.executor = b.executor;
    this.listener = new SafeWebhookListener(b.listener);
    this.maxBodyBytes = b.maxBodyBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The largest body accepted, so a host can stop reading a request early. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Handles a request whose headers come as a multi-valued map (names in any case). */
  public WebhookResponse handle(Map<String, ? extends Collection<String>> headers, byte[] body) {
    return handle(WebhookHeaders.of(headers), body);
  }

  /**
   * Handles one request.
   *
   * @param body the raw body, exactly as received (the signature covers these bytes)
   */
  public WebhookResponse handle(WebhookHeaders headers, byte[] body) {
    requireNonNull(headers, "headers");
    requireNonNull(body, "body");
    WebhookResponse response;
    try {
      response = process(headers, body);
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError vm) {
        throw vm; // the event, if parsed, was already forgotten
      }
      LOG.error("webhook handling failed unexpectedly", e);
      response = new WebhookResponse(WebhookOutcome.INTERNAL_ERROR,
          "unexpected " + e.getClass().getSimpleName(), "");
    }
    if (response.outcome().isSuccess()) {
      LOG.debug("webhook {} {}", response.eventId(), response.outcome());
    } else {
      LOG.info("webhook refused: {} ({})", response.outcome(), response.detail());
      listener.rejected(new WebhookRejection(response.outcome(), response.detail()));
    }
    return response;
  }

  private WebhookResponse process(WebhookHeaders headers, byte[] body) {
    if (body.length > maxBodyBytes) {
      return new WebhookResponse(WebhookOutcome.BODY_TOO_LARGE,
          "body of " + body.length + " bytes exceeds " + maxBodyBytes, "");
    }
    Optional<WebhookRejection> refused = verifier.verify(headers, body);
    if (refused.isPresent()) {
      return WebhookResponse.rejected(refused.get());
    }
    EventParseResult parsed = parser.parse(body);
    if (parsed instanceof EventParseResult.Malformed m) {
      listener.malformedEvent(m.reason(), body.clone());
      return new WebhookResponse(WebhookOutcome.MALFORMED_EVENT, m.reason(), "");
    }
    WebhookEvent event = ((EventParseResult.Parsed) parsed).event();
    if (!deduplicator.firstTime(event.id())) {
      listener.duplicate(event);
      return respond(WebhookOutcome.DUPLICATE, "event id seen before", event);
    }
    boolean handled = false;
    boolean advanced = false;
    try {
      advanced = orderingGuard.tryAdvance(event.recordKey(), event.recordVersion());
      WebhookResponse response;
      if (advanced) {
        response = dispatch(event);
      } else {
        response = respond(WebhookOutcome.STALE,
            "newer data already known for " + event.recordKey(), event);
        listener.stale(event);
      }
      handled = true;
      return response;
    } finally {
      if (!handled) {
        // whatever was thrown (an Error too): the delivery was not handled, so it is not seen
        deduplicator.forget(event.id());
        if (advanced) {
          orderingGuard.forget(event.recordKey(), event.recordVersion());
        }
      }
    }
  }

  private WebhookResponse dispatch(WebhookEvent event) {
    if (executor == null) {
      return deliver(event)
          ? respond(WebhookOutcome.ACCEPTED, "accepted", event)
          : respond(WebhookOutcome.DISPATCH_FAILED, "event consumer failed", event);
    }
    try {
      executor.execute(() -> deliver(event));
      return respond(WebhookOutcome.QUEUED, "queued", event);
    } catch (RejectedExecutionException e) {
      forget(event);
      return respond(WebhookOutcome.OVERLOADED, "event queue refused the event", event);
    }
  }

  /**
   * Runs the consumer; on any failure forgets the event so a redelivery is processed, and tells
   * the listener. A {@link VirtualMachineError} is rethrown after that (the JVM may be unwell);
   * anything else is answered as a failed dispatch.
   */
  private boolean deliver(WebhookEvent event) {
    try {
      consumer.accept(event);
      return true;
    } catch (Throwable e) {
      LOG.warn("event consumer failed for webhook {} ({})", event.id(), event.type(), e);
      forget(event);
      listener.dispatchFailed(event, e);
      if (e instanceof VirtualMachineError vm) {
        throw vm;
      }
      return false;
    }
  }

  private void forget(WebhookEvent event) {
    deduplicator.forget(event.id());
    orderingGuard.forget(event.recordKey(), event.recordVersion());
  }

  private static WebhookResponse respond(WebhookOutcome outcome, String detail, WebhookEvent e) {
    return new WebhookResponse(outcome, detail, e.id());
  }

  /** Configures a {@link WebhookHandler}. Not thread-safe; {@link #build()} copies. */
  public static final class Builder {
    private WebhookVerifier verifier;
    private EventParser parser = JsonEventParser.bng();
    private EventDeduplicator deduplicator;
    private OrderingGuard orderingGuard;
    private Consumer<WebhookEvent> consumer;
    private Executor executor;
    private WebhookListener listener = new WebhookListener() {};
    private int maxBodyBytes = 1 << 20;

    private Builder() {}

    /** Required: checks signatures and timestamps. */
    public Builder verifier(WebhookVerifier verifier) {
      this.verifier = requireNonNull(verifier, "verifier");
      return this;
    }

    /** Default {@link JsonEventParser#bng()}. */
    public Builder parser(EventParser parser) {
      this.parser = requireNonNull(parser, "parser");
      return this;
    }

    /** Default: in memory, 100 000 ids for 24 h. */
    public Builder deduplicator(EventDeduplicator deduplicator) {
      this.deduplicator = requireNonNull(deduplicator, "deduplicator");
      return this;
    }

    /** Default: in memory, 100 000 record keys. */
    public Builder orderingGuard(OrderingGuard orderingGuard) {
      this.orderingGuard = requireNonNull(orderingGuard, "orderingGuard");
      return this;
    }

    /** Required: receives each accepted event, e.g. the sync engine's {@code onEvent}. */
    public Builder consumer(Consumer<WebhookEvent> consumer) {
      this.consumer = requireNonNull(consumer, "consumer");
      return this;
    }

    /**
     * Dispatches through this executor (a queue) and answers 202 at once instead of running the
     * consumer on the request thread. Default: inline.
     */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor");
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

    /** @throws IllegalStateException if the verifier or the consumer is missing */
    public WebhookHandler build() {
      if (verifier == null) {
        throw new IllegalStateException("verifier is required");
      }
      if (consumer == null) {
        throw new IllegalStateException("consumer is required");
      }
      // Defaults are created per build so that two handlers never share memory by accident.
      return new WebhookHandler(this,
          deduplicator != null
              ? deduplicator : EventDeduplicator.inMemory(100_000, Duration.ofHours(24)),
          orderingGuard != null ? orderingGuard : OrderingGuard.inMemory(100_000));
    }
  }
}
