package io.connectsdk.core.sync;

import io.connectsdk.core.store.RecordError;

/** The outcome of {@link RecordPipeline#prepare}: a record ready to write, or why it is not. */
record Preparation(Prepared prepared, RecordError error) {

  static Preparation ok(Prepared prepared) {
    return new Preparation(prepared, null);
  }

  static Preparation rejected(RecordError error) {
    return new Preparation(null, error);
  }

  boolean isOk() {
    return prepared != null;
  }
}
