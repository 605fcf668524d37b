package io.connectsdk.core.sync;

import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.store.RecordError;

/** What finally happened to one prepared record: a successful result, or the error that stuck. */
record WriteOutcome(Prepared item, WriteResult result, RecordError error) {

  boolean isSuccess() {
    return result != null;
  }
}
