package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.WriteResult;
import java.util.Optional;

/**
 * Updates the source after a successful write, e.g. puts the Sage 300 order number and status on
 * the BNG order it came from. The callback writes to the source itself and returns the source
 * record as it now is (for the caller's own use; the engine does not record it as written, since
 * it may carry changes a user made after the engine read the record, and those must still reach
 * the target). Reading the written-back record back costs no write when the written-back fields
 * are not mapped to the target (same content hash); when they are, the next run writes them once.
 *
 * <p>A callback that throws sends the record to the dead-letter queue (code {@code WriteBackFailed});
 * a replay writes the record again (an idempotent no-op in the target) and repeats the write-back.
 */
@FunctionalInterface
public interface WriteBack {

  /**
   * @param source the source record that was written
   * @param target the record in the target
   * @param result the target's answer (its {@code record} carries generated keys when returned)
   * @return the source record after the write-back, or empty if nothing was written back
   */
  Optional<Entity> afterWrite(Entity source, RecordRef target, WriteResult result);
}
