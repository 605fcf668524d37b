package io.connectsdk.testkit;

import io.connectsdk.core.spi.WriteResult.Status;

/** Mutable counts behind {@link ConnectorStats}. Not thread-safe: guarded by the connector's lock. */
final class Counters {
  private final long[] calls = new long[ConnectorOperation.values().length];
  private long created;
  private long updated;
  private long unchanged;
  private long deleted;
  private long replayed;
  private long failed;
  private long thrown;

  void call(ConnectorOperation operation) {
    calls[operation.ordinal()]++;
  }

  void result(Status status) {
    switch (status) {
      case CREATED -> created++;
      case UPDATED -> updated++;
      case UNCHANGED -> unchanged++;
      case DELETED -> deleted++;
      case FAILED, CONFLICT -> failed++;
    }
  }

  void replayed() {
    replayed++;
  }

  /** A delete of a record already gone: a success that changed nothing. */
  void unchanged() {
    unchanged++;
  }

  void thrown() {
    thrown++;
  }

  ConnectorStats snapshot() {
    return new ConnectorStats(calls[ConnectorOperation.READ.ordinal()],
        calls[ConnectorOperation.GET.ordinal()], calls[ConnectorOperation.FIND.ordinal()],
        calls[ConnectorOperation.WRITE.ordinal()], created, updated, unchanged, deleted, replayed,
        failed, thrown);
  }
}
