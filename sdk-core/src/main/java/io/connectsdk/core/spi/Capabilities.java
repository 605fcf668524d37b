package io.connectsdk.core.spi;

/**
 * What a connector can do with one entity type.
 *
 * @param read {@link Connector#get} and {@link Connector#find} work
 * @param incrementalRead {@link Connector#readChanges} returns changes since a cursor
 * @param write {@link Connector#write} accepts upserts
 * @param delete {@link Connector#write} accepts deletes
 * @param maxBatchSize the most requests one {@link Connector#write} call takes (at least 1)
 * @param events the remote system pushes change events (webhooks) for this type
 */
public record Capabilities(
    boolean read,
    boolean incrementalRead,
    boolean write,
    boolean delete,
    int maxBatchSize,
    boolean events) {

  public Capabilities {
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize < 1: " + maxBatchSize);
    }
    if (delete && !write) {
      throw new IllegalArgumentException("delete requires write");
    }
  }

  /** Read and incremental read only. */
  public static Capabilities readOnly() {
    return new Capabilities(true, true, false, false, 1, false);
  }

  /** Read, incremental read and upsert writes in batches of up to {@code maxBatchSize}. */
  public static Capabilities readWrite(int maxBatchSize) {
    return new Capabilities(true, true, true, false, maxBatchSize, false);
  }

  public Capabilities withDelete() {
    return new Capabilities(read, incrementalRead, true, true, maxBatchSize, events);
  }

  public Capabilities withEvents() {
    return new Capabilities(read, incrementalRead, write, delete, maxBatchSize, true);
  }

  public Capabilities withoutIncrementalRead() {
    return new Capabilities(read, false, write, delete, maxBatchSize, events);
  }
}
