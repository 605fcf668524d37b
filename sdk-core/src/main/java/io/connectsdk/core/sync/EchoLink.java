package io.connectsdk.core.sync;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The partner job of a two-way pair, set once after both jobs are built (each needs the other).
 * After this job writes a record, the partner's pipeline computes what the partner would write
 * from the record as the target now holds it; that hash goes into the ledger so the partner skips
 * reading our own write back (no echo, no ping-pong).
 */
final class EchoLink {
  private final AtomicReference<RecordPipeline> partner = new AtomicReference<>();

  static EchoLink none() {
    return new EchoLink();
  }

  void connect(RecordPipeline pipeline) {
    if (!partner.compareAndSet(null, pipeline)) {
      throw new IllegalStateException("echo partner already set");
    }
  }

  Optional<RecordPipeline> partner() {
    return Optional.ofNullable(partner.get());
  }
}
