package io.connectsdk.core.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;

/**
 * Resolves references in a mapped record before it is written: translates source ids into target
 * ids through the key map, makes sure a referenced record exists in the target first (for instance
 * by running the customer job's {@link SyncJob#onEvent(Entity)} before an order), or rejects a
 * dangling reference with {@link UnresolvedReferenceException}, which sends the record to the
 * dead-letter queue with the field path and the reason.
 *
 * <p>Called on the job's thread for every record about to be written, and again for records
 * written by the partner job of a {@link TwoWaySync} to compute the echo guard, so it must be
 * idempotent. The default resolver returns the fields unchanged.
 */
@FunctionalInterface
public interface ReferenceResolver {
  /** Leaves the fields as mapped. */
  ReferenceResolver NONE = (source, fields, context) -> fields;

  /**
   * Returns the fields to write (may be {@code fields} changed in place).
   *
   * @param source the source record as read
   * @param fields the mapped fields (owned by the caller; changing them is allowed)
   * @throws UnresolvedReferenceException if a reference cannot be resolved
   * @throws io.connectsdk.core.ConnectorException if a lookup call fails as a whole (ends the run
   *     like any failed call); any other exception is taken for a bug in the resolver and sends
   *     the record to the dead-letter queue (code {@code ResolverException})
   */
  ObjectNode resolve(Entity source, ObjectNode fields, ResolveContext context);
}
