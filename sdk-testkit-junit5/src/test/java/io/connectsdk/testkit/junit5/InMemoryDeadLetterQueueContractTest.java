package io.connectsdk.testkit.junit5;

import io.connectsdk.core.store.DeadLetterQueue;
import io.connectsdk.core.store.InMemoryDeadLetterQueue;
import java.time.Clock;

/** The dead-letter queue contract, kept by the in-memory queue. */
class InMemoryDeadLetterQueueContractTest extends DeadLetterQueueContractTest {
  @Override
  protected DeadLetterQueue newQueue(Clock clock) {
    return new InMemoryDeadLetterQueue(clock);
  }
}
