package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.sage300.Resource.WriteStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Connector} for the Sage 300 Web API (customers, vendors, items, categories, stock by
 * location, sales and purchase orders, AR/AP/GL batches).
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
 * <p>Thread-safe: one OkHttp client per connector, at most {@code maxConcurrentRequests} (default
 * 2) requests in flight across all threads. Close it to release connections. Defaults are listed
 * on {@link Sage300ConnectorBuilder}.
 */
public final class Sage300Connector implements Connector {
  private final Sage300Config config;
  private final ResourceTable resources;
  private final SageClient client;
  private final ChangeReader changes;
  private final RecordReader records;
  private final MasterWriter masters;
  private final DocumentWriter documents;

  Sage300Connector(Sage300Config config) {
    this.config = requireNonNull(config, "config");
    this.resources = ResourceTable.of(config.resourcePaths(), config.referenceFields(),
        config.changeFields());
    ResiliencePolicy policy = config.resilience().orElseGet(() -> ResiliencePolicy.builder()
        .system(ErrorClassifier.SYSTEM).maxAttempts(5).sleeper(config.sleeper())
        .clock(config.clock()).build());
    this.client = new SageClient(new SageHttp(config),
        new ErrorClassifier(config.errorCodes()), policy, config.companyUrl());
    this.changes = new ChangeReader(client, config.pageSize(), config.legacyDatetimeLiterals());
    this.records = new RecordReader(client, config.pageSize());
    this.masters = new MasterWriter(client);
    this.documents = new DocumentWriter(client, records, config.referenceMaxLength());
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
    return ErrorClassifier.SYSTEM;
  }

  @Override
  public Map<EntityType, Capabilities> capabilities() {
    Map<EntityType, Capabilities> m = new LinkedHashMap<>();
    resources.all().forEach((t, r) -> m.put(t, r.capabilities(config.maxBatchSize())));
    return Map.copyOf(m);
  }

  @Override
  public Page readChanges(EntityType type, Cursor cursor, int limit) {
    return changes.read(resources.get(requireNonNull(type, "type")), type, cursor, limit);
  }

  @Override
  public Optional<Entity> get(EntityType type, String id) {
    return records.get(resources.get(requireNonNull(type, "type")), type, id);
  }

  @Override
  public List<Entity> find(EntityType type, String field, String value) {
    return records.find(resources.get(requireNonNull(type, "type")), type, field, value);
  }

  /**
   * Writes each request in turn (the Web API creates one record per call) and returns one result
   * per request. A failure of the whole call (authentication, rate limit after retries, server
   * down) is thrown; requests before it were applied, and repeating them is harmless because every
   * path is idempotent.
   *
   * @throws IllegalArgumentException for a read-only type, a delete of a type without deletes, or
   *     more requests than {@code maxBatchSize}
   */
  @Override
  public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
    Resource resource = resources.get(requireNonNull(type, "type"));
    requireNonNull(requests, "requests");
    Capabilities caps = resource.capabilities(config.maxBatchSize());
    if (!caps.write()) {
      throw new IllegalArgumentException("sage300 " + type + " is read-only");
    }
    if (requests.size() > caps.maxBatchSize()) {
      throw new IllegalArgumentException(
          requests.size() + " requests exceed maxBatchSize " + caps.maxBatchSize());
    }
    List<WriteResult> results = new ArrayList<>(requests.size());
    for (WriteRequest request : requests) {
      requireNonNull(request, "request");
      if (request.operation() == WriteRequest.Operation.DELETE && !caps.delete()) {
        throw new IllegalArgumentException("sage300 " + type + " does not support delete");
      }
      results.add(resource.style() == WriteStyle.MASTER
          ? masters.write(resource, type, request)
          : documents.write(resource, type, request));
    }
    return List.copyOf(results);
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "Sage300Connector{" + config.companyUrl() + ", user=" + config.user() + "}";
  }
}
