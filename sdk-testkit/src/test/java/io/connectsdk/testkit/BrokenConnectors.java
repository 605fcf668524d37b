package io.connectsdk.testkit;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Connectors with one deliberate contract violation each, wrapping a healthy in-memory one. */
final class BrokenConnectors {
  private BrokenConnectors() {}

  /** Its cursor resumes one record early, so the last record of each page is read twice. */
  static Connector repeatingPages() {
    return new Delegating(InMemoryConnectorContractTest.newInMemory()) {
      @Override
      public Page readChanges(EntityType type, Cursor cursor, int limit) {
        Page page = delegate.readChanges(type, cursor, limit);
        if (page.size() < 2 || !page.hasMore()) {
          return page;
        }
        Cursor early = delegate.readChanges(type, cursor, page.size() - 1).next();
        return new Page(page.entities(), early, true);
      }
    };
  }

  /** It forgets idempotency: every upsert without a target id creates a new record. */
  static Connector duplicatingWrites() {
    InMemoryConnector memory = InMemoryConnectorContractTest.rejectingInvalid(
        InMemoryConnector.builder().type(InMemoryConnectorContractTest.TYPE).build());
    return new Delegating(memory) {
      private int n;

      @Override
      public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
        return delegate.write(type, requests.stream().map(r -> r.targetId().isPresent() ? r
            : WriteRequest.upsert(r.targetId(), r.fields(), r.sourceRef(), "forgotten-" + n++))
            .toList());
      }
    };
  }

  /** Forwards every call to an in-memory connector. */
  private abstract static class Delegating implements Connector {
    final InMemoryConnector delegate;

    Delegating(InMemoryConnector delegate) {
      this.delegate = delegate;
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
  }
}
