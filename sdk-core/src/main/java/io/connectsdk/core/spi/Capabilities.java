package io.connectsdk.core.spi;

import java.util.Objects;

/**
 * What a connector can do with one entity type. Immutable; made with {@link #builder()} or the
 * shorthand factories, so a capability added later breaks no connector.
 *
 * <pre>{@code
 * Capabilities.builder().incrementalRead().write(100).delete().tombstones().versions().build();
 * }</pre>
 */
public final class Capabilities {
  private final boolean lookup;
  private final boolean incrementalRead;
  private final boolean write;
  private final boolean delete;
  private final int maxBatchSize;
  private final boolean events;
  private final boolean tombstones;
  private final boolean versions;

  private Capabilities(Builder b) {
    this.lookup = b.lookup;
    this.incrementalRead = b.incrementalRead;
    this.write = b.write;
    this.delete = b.delete;
    this.maxBatchSize = b.maxBatchSize;
    this.events = b.events;
    this.tombstones = b.tombstones;
    this.versions = b.versions;
  }

  /** Starts with nothing but {@link #lookup()} enabled and a batch size of 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** Lookup and incremental read only. */
  public static Capabilities readOnly() {
    return builder().incrementalRead().build();
  }

  /** Lookup, incremental read and upsert writes in batches of up to {@code maxBatchSize}. */
  public static Capabilities readWrite(int maxBatchSize) {
    return builder().incrementalRead().write(maxBatchSize).build();
  }

  /** A builder seeded with these capabilities. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.lookup = lookup;
    b.incrementalRead = incrementalRead;
    b.write = write;
    b.delete = delete;
    b.maxBatchSize = maxBatchSize;
    b.events = events;
    b.tombstones = tombstones;
    b.versions = versions;
    return b;
  }

  public Capabilities withDelete() {
    return toBuilder().delete().build();
  }

  public Capabilities withEvents() {
    return toBuilder().events().build();
  }

  public Capabilities withoutIncrementalRead() {
    Builder b = toBuilder();
    b.incrementalRead = false;
    b.tombstones = false;
    return b.build();
  }

  /** {@link Connector#get} and {@link Connector#find} work. */
  public boolean lookup() {
    return lookup;
  }

  /** {@link Connector#readChanges} returns changes since a cursor. */
  public boolean incrementalRead() {
    return incrementalRead;
  }

  /** {@link Connector#write} accepts upserts. */
  public boolean write() {
    return write;
  }

  /** {@link Connector#write} accepts deletes. */
  public boolean delete() {
    return delete;
  }

  /** The most requests one {@link Connector#write} call takes (at least 1). */
  public int maxBatchSize() {
    return maxBatchSize;
  }

  /** The remote system pushes change events (webhooks) for this type. */
  public boolean events() {
    return events;
  }

  /** {@link Connector#readChanges} reports deleted records as tombstones ({@code Entity#deleted}). */
  public boolean tombstones() {
    return tombstones;
  }

  /**
   * Writes honour {@link WriteRequest#ifMatch()} (optimistic concurrency) and answer a stale one
   * with {@link WriteResult.Status#CONFLICT}; results carry {@link WriteResult#version()}.
   */
  public boolean versions() {
    return versions;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Capabilities c && lookup == c.lookup
        && incrementalRead == c.incrementalRead && write == c.write && delete == c.delete
        && maxBatchSize == c.maxBatchSize && events == c.events && tombstones == c.tombstones
        && versions == c.versions;
  }

  @Override
  public int hashCode() {
    return Objects.hash(lookup, incrementalRead, write, delete, maxBatchSize, events, tombstones,
        versions);
  }

  @Override
  public String toString() {
    return "Capabilities{" + (lookup ? "lookup " : "") + (incrementalRead ? "readChanges " : "")
        + (write ? "write(" + maxBatchSize + ") " : "") + (delete ? "delete " : "")
        + (events ? "events " : "") + (tombstones ? "tombstones " : "")
        + (versions ? "versions" : "") + "}";
  }

  /** Builds {@link Capabilities}. Not thread-safe. */
  public static final class Builder {
    private boolean lookup = true;
    private boolean incrementalRead;
    private boolean write;
    private boolean delete;
    private int maxBatchSize = 1;
    private boolean events;
    private boolean tombstones;
    private boolean versions;

    private Builder() {}

    /** Whether get and find work (default true). */
    public Builder lookup(boolean lookup) {
      this.lookup = lookup;
      return this;
    }

    public Builder incrementalRead() {
      this.incrementalRead = true;
      return this;
    }

    /** Upserts in batches of up to {@code maxBatchSize} (at least 1). */
    public Builder write(int maxBatchSize) {
      if (maxBatchSize < 1) {
        throw new IllegalArgumentException("maxBatchSize < 1: " + maxBatchSize);
      }
      this.write = true;
      this.maxBatchSize = maxBatchSize;
      return this;
    }

    public Builder delete() {
      this.delete = true;
      return this;
    }

    public Builder events() {
      this.events = true;
      return this;
    }

    public Builder tombstones() {
      this.tombstones = true;
      return this;
    }

    public Builder versions() {
      this.versions = true;
      return this;
    }

    /**
     * @throws IllegalStateException if delete is set without write, or tombstones without
     *     incremental read
     */
    public Capabilities build() {
      if (delete && !write) {
        throw new IllegalStateException("delete requires write");
      }
      if (tombstones && !incrementalRead) {
        throw new IllegalStateException("tombstones require incremental read");
      }
      return new Capabilities(this);
    }
  }
}
