package io.connectsdk.core.store;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.RecordRef;
import java.util.List;
import java.util.Optional;

/**
 * The bookkeeping of one written batch, committed in one {@link StoreCommitter#commit} call: key-map
 * links and unlinks, ledger updates, dead-letter updates and, with a page's last batch, the
 * page's checkpoint. A transactional committer makes it all-or-nothing; the default one applies it
 * store by store in an order that is safe to stop anywhere (see {@link StoreCommitter#sequential()}).
 *
 * @param jobId the job whose run commits
 * @param epoch the run's claim (see {@link CheckpointStore#claim}); 0 when unfenced
 * @param links links to add
 * @param unlinks records whose links are removed (deleted records)
 * @param ledger ledger updates
 * @param deadLetters dead-letter updates
 * @param checkpoint the checkpoint to save with this batch, if it is a page's last
 */
public record StoreBatch(
    String jobId,
    long epoch,
    List<KeyMap.Link> links,
    List<RecordRef> unlinks,
    LedgerBatch ledger,
    DeadLetterBatch deadLetters,
    Optional<Checkpoint> checkpoint) {
  public StoreBatch {
    requireNonNull(jobId, "jobId");
    links = List.copyOf(requireNonNull(links, "links"));
    unlinks = List.copyOf(requireNonNull(unlinks, "unlinks"));
    requireNonNull(ledger, "ledger");
    requireNonNull(deadLetters, "deadLetters");
    requireNonNull(checkpoint, "checkpoint");
  }

  /** True if there is nothing to commit. */
  public boolean isEmpty() {
    return links.isEmpty() && unlinks.isEmpty() && ledger.isEmpty() && deadLetters.isEmpty()
        && checkpoint.isEmpty();
  }
}
