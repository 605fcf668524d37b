package io.connectsdk.testkit;

import static java.util.Objects.requireNonNull;

/**
 * An immutable snapshot of what an {@link InMemoryConnector} has been asked to do and what it did.
 *
 * @param readCalls calls to {@code readChanges}, including ones that threw
 * @param getCalls calls to {@code get}, including ones that threw
 * @param findCalls calls to {@code find}, including ones that threw
 * @param writeCalls calls to {@code write}, including ones that threw
 * @param created records created by writes
 * @param updated records changed by writes
 * @param unchanged upserts whose content equalled the stored record
 * @param deleted records deleted by writes
 * @param replayed upserts answered from an idempotency key already seen (nothing written)
 * @param failedResults {@code FAILED} write results returned
 * @param thrown exceptions thrown by any call (scripted faults, crashes, lost responses)
 */
public record ConnectorStats(
    long readCalls,
    long getCalls,
    long findCalls,
    long writeCalls,
    long created,
    long updated,
    long unchanged,
    long deleted,
    long replayed,
    long failedResults,
    long thrown) {

  /** Calls made to one operation. */
  public long calls(ConnectorOperation operation) {
    return switch (requireNonNull(operation, "operation")) {
      case READ -> readCalls;
      case GET -> getCalls;
      case FIND -> findCalls;
      case WRITE -> writeCalls;
    };
  }

  /** Records created, updated or deleted: every write that changed stored data. */
  public long changes() {
    return created + updated + deleted;
  }
}
