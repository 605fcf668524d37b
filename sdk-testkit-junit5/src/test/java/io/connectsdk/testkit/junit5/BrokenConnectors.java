package io.connectsdk.testkit.junit5;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.spi.ForwardingConnector;
import io.connectsdk.core.spi.Page;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.testkit.InMemoryConnector;
import java.util.List;

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
  private abstract static class Delegating extends ForwardingConnector {
    final InMemoryConnector delegate;

    Delegating(InMemoryConnector delegate) {
      super(delegate);
      this.delegate = delegate;
    }
  }
}
