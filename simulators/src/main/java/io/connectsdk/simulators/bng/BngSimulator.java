package io.connectsdk.simulators.bng;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.simulators.base.CallCounters;
import io.connectsdk.simulators.base.FaultPlan;
import io.connectsdk.simulators.base.LoopbackServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A stateful fake of the BNG v1 API ({@code systems/bng.md}) on {@code 127.0.0.1}: OAuth2 client
 * credentials, every resource with cursor paging, idempotency keys, versions and If-Match, the
 * error body, a per-tenant token-bucket rate limiter with {@code X-RateLimit-*} headers, signed
 * webhooks delivered on command, fault injection and call counters.
 *
 * <pre>{@code
 * try (BngSimulator sim = BngSimulator.builder().clock(clock).build().start()) {
 *   String base = sim.url();              // token at base + "/oauth/token"
 *   String api = sim.apiUrl();            // base + "/api/v1"
 *   sim.seed("customers", customerJson);  // no validation, no event
 *   ...
 *   assertThat(sim.records("customers")).hasSize(1);
 *   assertThat(sim.calls("POST", "/customers")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Resources are named by their path: {@code customers}, {@code vendors}, {@code items},
 * {@code inventory}, {@code categories}, {@code orders}, {@code purchase-orders},
 * {@code shipments}, {@code invoices}, {@code payments}, {@code journal-entries}. Counter keys
 * are route templates: {@code /customers}, {@code /customers/{id}},
 * {@code /inventory/{sku}/{location}}, {@code /oauth/token} ({@code ?} for unknown paths).
 *
 * <p>Thread-safe: requests run concurrently (one thread per connection) and every method may be
 * called while requests are in flight. Defaults: see {@link BngSimulatorBuilder}.
 */
public final class BngSimulator implements AutoCloseable {
  private final CallCounters counters = new CallCounters();
  private final LoopbackServer server = new LoopbackServer(counters);
  private final BngSettings settings;
  private final FaultPlan faults;
  private final BngStore store = new BngStore();
  private final IdempotencyCache idempotency = new IdempotencyCache();
  private final TokenService tokens;
  private final RateLimiter limiter;
  private final Webhooks webhooks;
  private final BngDispatcher dispatcher;

  BngSimulator(BngSettings s) {
    this.settings = s;
    this.faults = new FaultPlan(new Random(s.seed()), List.of(500, 502, 503, 429));
    this.tokens = new TokenService(s.clock(), new Random(s.seed() + 1), s.clients(), s.tokenTtl());
    this.limiter = new RateLimiter(s.clock(), s.ratePerSecond(), s.burst());
    this.webhooks = new Webhooks(s.clock());
    RecordWriter writer = new RecordWriter(store, s.clock(), webhooks);
    this.dispatcher = new BngDispatcher(counters, faults, s.sleeper(), tokens, limiter,
        new ApiHandler(store, writer, idempotency, s.defaultLimit()));
  }

  /** A builder with the defaults listed on {@link BngSimulatorBuilder}. */
  public static BngSimulatorBuilder builder() {
    return new BngSimulatorBuilder();
  }

  /** Binds a random port on 127.0.0.1 and serves; IllegalStateException if already started. */
  public BngSimulator start() {
    server.start(dispatcher);
    return this;
  }

  /** {@code http://127.0.0.1:PORT} (the {@code {base}} of bng.md), without a trailing slash. */
  public String url() {
    return server.url();
  }

  /** {@code url() + "/api/v1"}. */
  public String apiUrl() {
    return url() + "/api/v1";
  }

  /** {@code url() + "/oauth/token"}. */
  public String tokenUrl() {
    return url() + Route.TOKEN;
  }

  /** Stops the server and drops open connections. */
  @Override
  public void close() {
    server.close();
  }

  // ---- state -----------------------------------------------------------------------------------

  /**
   * Stores a record as given, without validation and without an event; fills id, external_id
   * (null), metadata ({}), version (1), created_at and updated_at (the clock) when missing.
   *
   * @return a copy of the stored record
   * @throws IllegalArgumentException for an unknown resource, an inventory level without sku
   *     and location, or an external_id / sku / order_number held by another record
   */
  public ObjectNode seed(String resource, ObjectNode record) {
    return store.seed(Resource.require(resource), requireNonNull(record, "record"),
        settings.clock().instant());
  }

  /** Copies of all records of a resource in list order (updated_at, id). */
  public List<ObjectNode> records(String resource) {
    return store.copies(Resource.require(resource));
  }

  /** A copy of one record by id. */
  public Optional<ObjectNode> record(String resource, String id) {
    return Optional.ofNullable(store.copy(Resource.require(resource), requireNonNull(id, "id")));
  }

  /** Number of records of a resource. */
  public int count(String resource) {
    return store.size(Resource.require(resource));
  }

  /** Clears records, idempotency keys, tokens, events, counters and faults (not subscribers). */
  public void reset() {
    synchronized (store) {
      store.clear();
      idempotency.clear();
    }
    tokens.clear();
    webhooks.clear();
    faults.clear();
    resetCounters();
  }

  // ---- auth and rate limit ---------------------------------------------------------------------

  /** Makes every issued token expired now: the next API call with one gets 401. */
  public void expireAllTokens() {
    tokens.expireAll();
  }

  /** Forgets every issued token (the next API call with one gets 401). */
  public void revokeAllTokens() {
    tokens.revokeAll();
  }

  /** Tokens issued by {@code POST /oauth/token} (successful token requests). */
  public long tokensIssued() {
    return tokens.issued();
  }

  /** Replaces every tenant's rate limit and refills the buckets (perSecond > 0, burst >= 1). */
  public void rateLimit(double perSecond, int burst) {
    limiter.configure(perSecond, burst);
  }

  // ---- webhooks --------------------------------------------------------------------------------

  /**
   * Subscribes a URL to every event; each secret adds a {@code v1=} signature (two during
   * rotation). Subscribing a URL again replaces its secrets and keeps its queue.
   *
   * @throws IllegalArgumentException without a secret
   */
  public void subscribe(String url, String... secrets) {
    if (secrets.length == 0) {
      throw new IllegalArgumentException("at least one secret is required");
    }
    for (String s : secrets) {
      requireNonNull(s, "secret");
    }
    webhooks.subscribe(URI.create(requireNonNull(url, "url")), List.of(secrets));
  }

  /** Removes a subscriber and its queue. */
  public void unsubscribe(String url) {
    webhooks.unsubscribe(URI.create(requireNonNull(url, "url")));
  }

  /**
   * Posts every queued event, oldest first, on the calling thread; a non-2xx answer or an I/O
   * error keeps the event queued for the next call.
   *
   * @return the number of deliveries answered 2xx
   */
  public int deliverPendingEvents() {
    return webhooks.deliver(false);
  }

  /** Like {@link #deliverPendingEvents()}, newest first (out of order). */
  public int deliverPendingEventsInReverse() {
    return webhooks.deliver(true);
  }

  /** Queues every event emitted so far again, for every subscriber (duplicate deliveries). */
  public void redeliverAllEvents() {
    webhooks.redeliverAll();
  }

  /** Queues one event again, for every subscriber; IllegalArgumentException if unknown. */
  public void redeliver(String eventId) {
    webhooks.redeliver(requireNonNull(eventId, "eventId"));
  }

  /** Every event emitted, oldest first. */
  public List<BngEvent> events() {
    return webhooks.events();
  }

  /** Deliveries queued over all subscribers. */
  public int pendingDeliveries() {
    return webhooks.pending();
  }

  /** Webhook POSTs attempted, failed ones included. */
  public long deliveryAttempts() {
    return webhooks.attempts();
  }

  /** Webhook POSTs answered 2xx. */
  public long deliveriesSucceeded() {
    return webhooks.delivered();
  }

  // ---- observability ---------------------------------------------------------------------------

  /** Requests for a method and route template, e.g. {@code calls("PATCH", "/customers/{id}")}. */
  public long calls(String method, String route) {
    return counters.calls(method, route);
  }

  /** All counters keyed "METHOD route", sorted. */
  public Map<String, Long> calls() {
    return counters.snapshot();
  }

  /** All requests received, refused ones included. */
  public long totalRequests() {
    return counters.total();
  }

  /** Requests being handled right now. */
  public int inFlight() {
    return counters.inFlight();
  }

  /** The highest number of requests in flight at once. */
  public int maxConcurrency() {
    return counters.maxInFlight();
  }

  /** 429 answers, from the rate limiter and injected alike. */
  public long rateLimitedResponses() {
    return dispatcher.rateLimited();
  }

  /** Creates answered from a remembered Idempotency-Key. */
  public long idempotentReplays() {
    synchronized (store) {
      return idempotency.replays();
    }
  }

  /** Zeroes the call counters, peak concurrency and the 429 count. */
  public void resetCounters() {
    counters.reset();
    dispatcher.resetCounters();
  }

  // ---- faults --------------------------------------------------------------------------------

  /**
   * The fault knobs: {@code statusRate(status, rate)} for 429 (rate_limited, with Retry-After),
   * 500, 502 and 503 (server_error), {@code resetRate}, {@code resetAfterApplyRate} (applied, then
   * the connection closed: a lost response), {@code latency}, {@code script(SimFault...)} and
   * {@code clear()}. They act on {@code /api/v1} requests that passed the token check and the
   * rate limiter, never on {@code /oauth/token}; rates are drawn from the seeded Random.
   */
  public FaultPlan faults() {
    return faults;
  }
}
