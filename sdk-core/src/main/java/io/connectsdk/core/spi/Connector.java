package io.connectsdk.core.spi;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract every connector implements, built-in or custom.
 *
 * <p>A whole call that fails throws a {@link io.connectsdk.core.ConnectorException} subtype that
 * says whether it is transient, rate-limited (with the wait), an authentication failure or
 * permanent. A bad record is not an exception: {@link #write} reports it as a failed {@link
 * WriteResult}. A 404 from {@link #get} is an empty result.
 *
 * <p>Implementations are thread-safe: the engine may call one connector from several threads. They
 * hold one HTTP client (connection pool) each and release it in {@link #close()}.
 *
 * <p>Every built-in connector passes {@code ConnectorContractTest} from {@code sdk-testkit}; a custom
 * connector should too.
 */
public interface Connector extends AutoCloseable {

  /** A short stable name of the remote system, e.g. {@code "sage300"}; used in keys and logs. */
  String system();

  /** The entity types this connector serves and what it can do with each. */
  Map<EntityType, Capabilities> capabilities();

  /** The capabilities for one type; throws {@link IllegalArgumentException} if not served. */
  default Capabilities capabilities(EntityType type) {
    Capabilities c = capabilities().get(type);
    if (c == null) {
      throw new IllegalArgumentException(system() + " does not serve entity type " + type);
    }
    return c;
  }

  /**
   * Reads records changed since {@code cursor}, at most {@code limit} of them, in a stable order.
   * Reading every page from {@link Cursor#BEGINNING} until {@link Page#hasMore()} is false returns
   * every record exactly once; a record changed afterwards appears in a later read from the last
   * page's {@link Page#next()}.
   *
   * @param limit the most records to return (at least 1); a connector may return fewer
   */
  Page readChanges(EntityType type, Cursor cursor, int limit);

  /** The record with this native id, or empty if it does not exist. */
  Optional<Entity> get(EntityType type, String id);

  /**
   * Records whose {@code field} equals {@code value} exactly, e.g. a lookup by external id. The
   * value is escaped by the connector; the field name must be one the connector knows (never taken
   * from data).
   */
  List<Entity> find(EntityType type, String field, String value);

  /**
   * Writes a batch (at most {@link Capabilities#maxBatchSize()} requests) with upsert semantics and
   * returns one result per request, in request order. Repeating a request that already succeeded
   * creates nothing new.
   */
  List<WriteResult> write(EntityType type, List<WriteRequest> requests);

  /**
   * The HTTP (or other wire) requests this connector has sent since it was built, over all callers;
   * a connector that does not count returns -1. One connector call may send several requests (a
   * lookup, then a write; a retry; a token renewal), so this is what the remote system saw.
   */
  default long requestsSent() {
    return -1;
  }

  /**
   * Registers a listener for the connector's internal events (circuit breaker). The default does
   * nothing, for connectors without a breaker. Registering one listener twice registers it once.
   */
  default void addListener(ConnectorListener listener) {}

  /** Removes a listener added with {@link #addListener}; unknown listeners are ignored. */
  default void removeListener(ConnectorListener listener) {}

  /** Releases connections and threads. Does not throw checked exceptions. */
  @Override
  default void close() {}
}
