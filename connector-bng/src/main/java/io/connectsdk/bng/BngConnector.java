package io.connectsdk.bng;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.ConnectorListener;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector for BNG v1, the operations cloud API: customers, vendors, items, inventory levels,
 * categories, sales and purchase orders, shipments, invoices, payments and journal entries.
 *
 * <pre>{@code
 * BngConnector bng = BngConnector.builder()
 *     .baseUrl("https://acme.bng.example")
 *     .clientId("sync")
 *     .clientSecret(Secret.of(System.getenv("BNG_SECRET")))
 *     .build();
 * }</pre>
 *
 * <p>Reads are incremental ({@code updated_since} plus BNG's cursor, ordered by {@code
 * (updated_at, id)}); writes are upserts by {@code external_id} with an {@code Idempotency-Key} on
 * every create and {@code If-Match} on updates (a stale version is a {@link
 * WriteResult.Status#CONFLICT}). Requests are paced at the tenant's 10 per second, burst 20, by
 * default, and every call runs under the connector's own retry and circuit-breaker policy.
 * {@link #webhooks()} configures the endpoint BNG posts events to.
 *
 * <p>Thread-safe; one HTTP connection pool per instance, released by {@link #close()}.
 */
public final class BngConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(BngConnector.class);

  private final String system;
  private final BngHttp http;
  private final Map<EntityType, Capabilities> capabilities;
  private final int maxBatchSize;
  private final int pageSize;
  private final ChangeReader reader;
  private final Lookup lookup;
  private final RecordWriter writer;
  private final java.util.concurrent.CopyOnWriteArrayList<ConnectorListener> listeners;
  private final java.time.Clock clock;

  BngConnector(String system, BngHttp http, int maxBatchSize, int pageSize,
      java.util.concurrent.CopyOnWriteArrayList<ConnectorListener> listeners,
      java.time.Clock clock) {
    this.system = system;
    this.http = http;
    this.maxBatchSize = maxBatchSize;
    this.pageSize = pageSize;
    this.listeners = listeners;
    this.clock = clock;
    this.reader = new ChangeReader(system, http);
    this.lookup = new Lookup(system, http);
    this.writer = new RecordWriter(system, http, lookup);
    Map<EntityType, Capabilities> caps = new LinkedHashMap<>();
    for (Resource r : Resource.values()) {
      Capabilities.Builder b = Capabilities.builder().incrementalRead().write(maxBatchSize);
      if (!r.keyedBySkuAndLocation()) {
        b.versions();
      }
      if (r.emitsEvents()) {
        b.events();
      }
      caps.put(r.type, b.build());
    }
    this.capabilities = Collections.unmodifiableMap(caps);
  }

  /** Starts configuring a connector; see {@link BngConnectorBuilder} for the defaults. */
  public static BngConnectorBuilder builder() {
    return new BngConnectorBuilder();
  }

  /** The instance name (default {@code "bng"}), which keys all stored state of its jobs. */
  @Override
  public String system() {
    return system;
  }

  @Override
  public Map<EntityType, Capabilities> capabilities() {
    return capabilities;
  }

  /**
   * Records changed since {@code cursor}, oldest first; at most {@code min(limit, pageSize)}.
   *
   * @throws io.connectsdk.core.PermanentException if the cursor is not one this connector made
   */
  @Override
  public Page readChanges(EntityType type, Cursor cursor, int limit) {
    requireNonNull(cursor, "cursor");
    return reader.read(Resource.of(type), cursor, Math.min(limit, pageSize));
  }

  /** The record with this id ({@code sku=..,location=..} for inventory levels), empty on 404. */
  @Override
  public Optional<Entity> get(EntityType type, String id) {
    requireNonNull(id, "id");
    Resource r = Resource.of(type);
    return lookup.byId(r, id).map(n -> Records.toEntity(system, r, n));
  }

  /**
   * Records whose {@code field} equals {@code value}; {@code field} is {@code external_id} or one
   * of BNG's list filters for the type (e.g. {@code sku}, {@code order_number}, {@code kind}).
   *
   * @throws IllegalArgumentException for a field BNG cannot filter this type on
   */
  @Override
  public List<Entity> find(EntityType type, String field, String value) {
    requireNonNull(field, "field");
    requireNonNull(value, "value");
    Resource r = Resource.of(type);
    if (!r.canFilterOn(field)) {
      throw new IllegalArgumentException("bng cannot look " + r.path + " up by " + field);
    }
    List<Entity> out = new ArrayList<>();
    lookup.list(r, field, value).forEach(n -> out.add(Records.toEntity(system, r, n)));
    return out;
  }

  /**
   * Upserts each request in order (BNG has no batch endpoint: one or two requests per record).
   * A record BNG rejects is a {@code FAILED} result; a stale {@code If-Match} a {@code CONFLICT}.
   *
   * @throws IllegalArgumentException if more than {@code maxBatchSize} requests are given
   * @throws io.connectsdk.core.ConnectorException when a call fails as a whole after the policy's
   *     retries (authentication, rate limit, outage); the engine then isolates the record
   */
  @Override
  public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
    requireNonNull(requests, "requests");
    Resource r = Resource.of(type);
    if (requests.size() > maxBatchSize) {
      throw new IllegalArgumentException(requests.size() + " requests exceed the batch size of "
          + maxBatchSize);
    }
    List<WriteResult> results = new ArrayList<>(requests.size());
    for (WriteRequest request : requests) {
      results.add(writer.write(r, requireNonNull(request, "request")));
    }
    return results;
  }

  /** HTTP requests sent to BNG so far: API requests (with 401 replays) and token requests. */
  @Override
  public long requestsSent() {
    return http.requestsSent();
  }

  /** API requests sent so far by {@code METHOD route}, e.g. {@code POST /api/v1/customers}. */
  public Map<String, Long> requestCounts() {
    return http.requestCounts();
  }

  @Override
  public void addListener(ConnectorListener listener) {
    listeners.addIfAbsent(requireNonNull(listener, "listener"));
  }

  @Override
  public void removeListener(ConnectorListener listener) {
    listeners.remove(listener);
  }

  /**
   * Configures the webhook endpoint for this connector's events: signature check, de-duplication,
   * ordering, and dispatch to the jobs that read from this connector.
   */
  public BngWebhooks.Builder webhooks() {
    return new BngWebhooks.Builder(system, clock);
  }

  @Override
  public void close() {
    http.close();
    LOG.debug("{} closed", system);
  }

  @Override
  public String toString() {
    return "BngConnector[" + system + "]";
  }
}
