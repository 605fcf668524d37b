package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.resilience.ResilienceListener;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.ConnectorListener;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.http.Auth;
import io.connectsdk.http.Endpoint;
import io.connectsdk.http.JsonClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Connector} for the Sage 300 Web API (customers, vendors, items, categories, stock by
 * location, sales and purchase orders, AR/AP/GL batches), on sdk-http.
 *
 * <pre>{@code
 * Sage300Connector sage = Sage300Connector.builder()
 *     .baseUrl(HttpUrl.get("https://erp.example.com/"))
 *     .company("SAMINC")
 *     .user("WEBAPI")
 *     .password(Secret.of(System.getenv("SAGE300_PASSWORD")))
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe: one HTTP client per connector, at most {@code maxConcurrentRequests} (default 2)
 * requests in flight across all threads, and a write call's records written concurrently up to
 * that limit. After {@link #close()} every call throws {@link IllegalStateException}. Defaults are
 * listed on {@link Sage300ConnectorBuilder}.
 */
public final class Sage300Connector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(Sage300Connector.class);

  private final Sage300Config config;
  private final ResourceTable resources;
  private final SageClient client;
  private final ChangeReader changes;
  private final RecordReader records;
  private final BatchWriter writer;
  private final Set<ConnectorListener> listeners = new CopyOnWriteArraySet<>();

  Sage300Connector(Sage300Config config) {
    this.config = requireNonNull(config, "config");
    this.resources = ResourceTable.of(config.resourcePaths(), config.referenceFields(),
        config.changeFields());
    ResiliencePolicy policy = config.resilience().orElseGet(() -> ResiliencePolicy.builder()
        .system(config.system()).sleeper(config.sleeper()).clock(config.clock())
        .listener(new Bridge()).build());
    JsonClient http = JsonClient.builder(config.system(), Endpoint.builder(
            config.companyUrl().toString()).allowPlainHttp(config.allowInsecureHttp()).build())
        .options(config.http())
        .auth(Auth.basic(config.user(), config.password()))
        .header("Content-Type", "application/json") // the server answers 500 without it
        .build();
    this.client = new SageClient(http, SageErrors.table(config.system(), config.errorCodes()),
        policy);
    this.changes = new ChangeReader(client, config.pageSize(), config.legacyDatetimeLiterals());
    this.records = new RecordReader(client, config.pageSize());
    this.writer = new BatchWriter(new MasterWriter(client),
        new DocumentWriter(client, records, config.referenceMaxLength()),
        Math.max(1, config.http().maxConcurrentRequests()), config.system());
  }

  /** Starts a builder with the defaults listed on {@link Sage300ConnectorBuilder}. */
  public static Sage300ConnectorBuilder builder() {
    return new Sage300ConnectorBuilder();
  }

  /** A builder seeded with this connector's settings, to derive a variant. */
  public Sage300ConnectorBuilder toBuilder() {
    return new Sage300ConnectorBuilder(config);
  }

  @Override
  public String system() {
    return config.system();
  }

  @Override
  public Map<EntityType, Capabilities> capabilities() {
    Map<EntityType, Capabilities> m = new LinkedHashMap<>();
    resources.all().forEach((t, r) -> m.put(t, r.capabilities(config.maxBatchSize())));
    return Map.copyOf(m);
  }

  @Override
  public Page readChanges(EntityType type, Cursor cursor, int limit) {
    return changes.read(resource(type), type, cursor, limit);
  }

  @Override
  public Optional<Entity> get(EntityType type, String id) {
    return records.get(resource(type), type, id);
  }

  @Override
  public List<Entity> find(EntityType type, String field, String value) {
    return records.find(resource(type), type, field, value);
  }

  /**
   * Writes the requests (the Web API creates one record per request), up to {@code
   * maxConcurrentRequests} at a time, and returns one result per request in order. A record whose
   * retries ran out on a transient failure is a FAILED (retryable) result, so the results of the
   * others are kept; a non-retryable failure of the whole call (authentication) is thrown once
   * every started record has finished.
   *
   * @throws IllegalArgumentException for a read-only type, a delete of a type without deletes, or
   *     more requests than {@code maxBatchSize}
   */
  @Override
  public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
    Resource resource = resource(type);
    requireNonNull(requests, "requests");
    Capabilities caps = resource.capabilities(config.maxBatchSize());
    if (!caps.write()) {
      throw new IllegalArgumentException(system() + " " + type + " is read-only");
    }
    if (requests.size() > caps.maxBatchSize()) {
      throw new IllegalArgumentException(
          requests.size() + " requests exceed maxBatchSize " + caps.maxBatchSize());
    }
    for (WriteRequest request : requests) {
      requireNonNull(request, "request");
      if (request.operation() == WriteRequest.Operation.DELETE && !caps.delete()) {
        throw new IllegalArgumentException(system() + " " + type + " does not support delete");
      }
    }
    return writer.write(resource, type, requests);
  }

  /** HTTP requests sent so far (every retry and replay counted). */
  @Override
  public long requestsSent() {
    return client.requestsSent();
  }

  /** Hears the default policy's circuit breaker; a custom policy reports through its own listeners. */
  @Override
  public void addListener(ConnectorListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  @Override
  public void removeListener(ConnectorListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void close() {
    client.close();
    writer.close();
  }

  @Override
  public String toString() {
    return "Sage300Connector{" + system() + ", " + config.companyUrl() + ", user=" + config.user()
        + "}";
  }

  private Resource resource(EntityType type) {
    if (client.isClosed()) {
      throw new IllegalStateException(system() + " connector is closed");
    }
    return resources.get(requireNonNull(type, "type"));
  }

  /** The default policy's breaker events, to the connector's listeners. */
  private final class Bridge implements ResilienceListener {
    @Override
    public void onCircuitOpened(ConnectorException lastFailure) {
      for (ConnectorListener l : listeners) {
        try {
          l.circuitOpened(system(), lastFailure);
        } catch (RuntimeException e) {
          LOG.warn("connector listener {} threw; ignored", l.getClass().getName(), e);
        }
      }
    }

    @Override
    public void onCircuitClosed() {
      for (ConnectorListener l : listeners) {
        try {
          l.circuitClosed(system());
        } catch (RuntimeException e) {
          LOG.warn("connector listener {} threw; ignored", l.getClass().getName(), e);
        }
      }
    }
  }
}
