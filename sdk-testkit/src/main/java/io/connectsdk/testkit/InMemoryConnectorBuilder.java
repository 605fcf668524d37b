package io.connectsdk.testkit;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Capabilities;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Builds an {@link InMemoryConnector}; {@link #build()} copies, so a builder can be reused. Not
 * thread-safe. Defaults: system {@code "memory"}, {@link Clock#systemUTC()}, {@code new Random(0)},
 * capabilities {@code readWrite(200)}, no natural key, id prefix the first three letters of the type
 * name plus {@code _}.
 */
public final class InMemoryConnectorBuilder {
  /** The batch size of {@link #type(EntityType)}. */
  public static final int DEFAULT_MAX_BATCH = 200;

  String system = "memory";
  final Map<EntityType, Capabilities> capabilities = new LinkedHashMap<>();
  final Map<EntityType, String> naturalKeys = new HashMap<>();
  final Map<EntityType, String> idPrefixes = new HashMap<>();
  Clock clock = Clock.systemUTC();
  Random random = new Random(0);
  boolean strictIdempotencyKeys;

  InMemoryConnectorBuilder() {}

  /** The system name reported by {@code system()} and put in exceptions and entity origins. */
  public InMemoryConnectorBuilder system(String system) {
    requireNonNull(system, "system");
    if (system.isBlank()) {
      throw new IllegalArgumentException("system is blank");
    }
    this.system = system;
    return this;
  }

  /** Serves a type with {@code Capabilities.readWrite(200)}. */
  public InMemoryConnectorBuilder type(EntityType type) {
    return type(type, Capabilities.readWrite(DEFAULT_MAX_BATCH));
  }

  /** Serves a type with these capabilities (replacing earlier ones for it). */
  public InMemoryConnectorBuilder type(EntityType type, Capabilities capabilities) {
    this.capabilities.put(requireNonNull(type, "type"),
        requireNonNull(capabilities, "capabilities"));
    return this;
  }

  /**
   * A top-level field whose text identifies a record of {@code type} (e.g. {@code external_id}): an
   * upsert without target id carrying an existing value updates that record.
   */
  public InMemoryConnectorBuilder naturalKey(EntityType type, String field) {
    requireNonNull(type, "type");
    requireNonNull(field, "field");
    if (field.isBlank()) {
      throw new IllegalArgumentException("natural key field is blank");
    }
    naturalKeys.put(type, field);
    return this;
  }

  /** The prefix of generated ids of {@code type}; ids are prefix + 1, 2, 3… */
  public InMemoryConnectorBuilder idPrefix(EntityType type, String prefix) {
    idPrefixes.put(requireNonNull(type, "type"), requireNonNull(prefix, "prefix"));
    return this;
  }

  /** The clock that stamps {@code updatedAt} and change-log entries (a {@link FakeClock} works). */
  public InMemoryConnectorBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Rejects an idempotency key sent again with other content (a {@code FAILED PERMANENT
   * IdempotencyConflict} result), as BNG and most HTTP APIs with keys do (409); by default a
   * repeated key returns its first result whatever the content. Use it to prove a caller never
   * reuses a key with other content.
   */
  public InMemoryConnectorBuilder strictIdempotencyKeys() {
    this.strictIdempotencyKeys = true;
    return this;
  }

  /** The random source of scripted failure rates; seed it for repeatable runs. */
  public InMemoryConnectorBuilder random(Random random) {
    this.random = requireNonNull(random, "random");
    return this;
  }

  /**
   * Builds the connector.
   *
   * @throws IllegalStateException if no type was declared, or a natural key or id prefix names an
   *     undeclared type
   */
  public InMemoryConnector build() {
    if (capabilities.isEmpty()) {
      throw new IllegalStateException("declare at least one entity type");
    }
    for (EntityType t : naturalKeys.keySet()) {
      requireDeclared(t, "naturalKey");
    }
    for (EntityType t : idPrefixes.keySet()) {
      requireDeclared(t, "idPrefix");
    }
    return new InMemoryConnector(this);
  }

  private void requireDeclared(EntityType type, String setting) {
    if (!capabilities.containsKey(type)) {
      throw new IllegalStateException(setting + " set for undeclared type " + type);
    }
  }
}
