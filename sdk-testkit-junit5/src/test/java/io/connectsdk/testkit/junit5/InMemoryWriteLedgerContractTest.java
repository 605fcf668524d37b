package io.connectsdk.testkit.junit5;

import io.connectsdk.core.store.InMemoryWriteLedger;
import io.connectsdk.core.store.WriteLedger;
import java.time.Clock;

/** The write ledger contract, kept by the in-memory ledger. */
class InMemoryWriteLedgerContractTest extends WriteLedgerContractTest {
  @Override
  protected WriteLedger newLedger(Clock clock) {
    return new InMemoryWriteLedger(clock);
  }
}
