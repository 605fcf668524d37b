package io.connectsdk.core.spi;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connector that forwards every call to another one; override the calls you want to decorate
 * (metrics, auditing, fault injection in tests, a per-tenant guard).
 *
 * <pre>{@code
 * Connector counted = new ForwardingConnector(sage300) {
 *   @Override public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
 *     writes.add(requests.size());
 *     return super.write(type, requests);
 *   }
 * };
 * }</pre>
 *
 * <p>Thread-safe if the delegate is and the overrides are. {@link #close()} closes the delegate.
 */
public abstract class ForwardingConnector implements Connector {
  private final Connector delegate;

  protected ForwardingConnector(Connector delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /** The connector calls are forwarded to. */
  protected Connector delegate() {
    return delegate;
  }

  @Override
  public String system() {
    return delegate.system();
  }

  @Override
  public Map<EntityType, Capabilities> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public Page readChanges(EntityType type, Cursor cursor, int limit) {
    return delegate.readChanges(type, cursor, limit);
  }

  @Override
  public Optional<Entity> get(EntityType type, String id) {
    return delegate.get(type, id);
  }

  @Override
  public List<Entity> find(EntityType type, String field, String value) {
    return delegate.find(type, field, value);
  }

  @Override
  public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
    return delegate.write(type, requests);
  }

  @Override
  public long requestsSent() {
    return delegate.requestsSent();
  }

  @Override
  public void addListener(ConnectorListener listener) {
    delegate.addListener(listener);
  }

  @Override
  public void removeListener(ConnectorListener listener) {
    delegate.removeListener(listener);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
