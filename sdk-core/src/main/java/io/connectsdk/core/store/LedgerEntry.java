package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What the write ledger knows about one target record written from one source record, as named
 * fields (a JDBC ledger keeps each in its own column). Immutable; the {@code with…} methods return
 * changed copies.
 *
 * @param contentHash the content hash last written to the target record, if a write completed
 * @param sourceVersion the version stamp of the source record last written (opaque to stores)
 * @param createIntent the idempotency key of a create that was sent and whose outcome is not yet
 *     recorded; present only while that create is pending
 * @param targetVersion the target record's version after the last write (BNG {@code version}, an
 *     ETag, a modstamp), sent as an if-match token with the next update
 */
public record LedgerEntry(
    Optional<String> contentHash,
    Optional<String> sourceVersion,
    Optional<String> createIntent,
    Optional<String> targetVersion) {

  /** The entry of a record the ledger knows nothing about. */
  public static final LedgerEntry EMPTY =
      new LedgerEntry(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public LedgerEntry {
    requireNonNull(contentHash, "contentHash");
    requireNonNull(sourceVersion, "sourceVersion");
    requireNonNull(createIntent, "createIntent");
    requireNonNull(targetVersion, "targetVersion");
  }

  public LedgerEntry withContentHash(Optional<String> hash) {
    return new LedgerEntry(hash, sourceVersion, createIntent, targetVersion);
  }

  public LedgerEntry withSourceVersion(Optional<String> stamp) {
    return new LedgerEntry(contentHash, stamp, createIntent, targetVersion);
  }

  public LedgerEntry withCreateIntent(Optional<String> key) {
    return new LedgerEntry(contentHash, sourceVersion, key, targetVersion);
  }

  public LedgerEntry withTargetVersion(Optional<String> version) {
    return new LedgerEntry(contentHash, sourceVersion, createIntent, version);
  }

  /** True if no field is present (the ledger may drop such an entry). */
  public boolean isEmpty() {
    return contentHash.isEmpty() && sourceVersion.isEmpty() && createIntent.isEmpty()
        && targetVersion.isEmpty();
  }
}
