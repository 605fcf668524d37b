package io.connectsdk.core.sync;

import io.connectsdk.core.store.RecordError;

/** The outcome of {@link RecordPipeline#map}: a record mapped for one target, or why it is not. */
record Preparation(Mapped mapped, RecordError error) {

  static Preparation ok(Mapped mapped) {
    return new Preparation(mapped, null);
  }

  static Preparation rejected(RecordError error) {
    return new Preparation(null, error);
  }

  boolean isOk() {
    return mapped != null;
  }
}
