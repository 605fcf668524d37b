package io.connectsdk.scenarios;

import io.connectsdk.testkit.InMemoryConnectorBuilder;

/**
 * Every crash window again, against a target that refuses an idempotency key sent again with other
 * content (as BNG does, 409): a crash recovery must never resend an earlier create's key with the
 * record's new content, or the record would be dead-lettered for ever.
 */
class StrictKeysCrashWindowScenarioTest extends CrashWindowScenarioTest {
  @Override
  InMemoryConnectorBuilder target(InMemoryConnectorBuilder builder) {
    return builder.strictIdempotencyKeys();
  }
}
