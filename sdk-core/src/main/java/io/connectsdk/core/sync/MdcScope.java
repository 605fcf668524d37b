package io.connectsdk.core.sync;

import org.slf4j.MDC;

/**
 * Sets one MDC key for a block and restores the previous value after, so a job run from inside
 * another job's resolver does not clear its caller's keys.
 */
final class MdcScope implements AutoCloseable {
  static final String JOB = "job";
  static final String RECORD = "record";

  private final String key;
  private final String previous;

  private MdcScope(String key, String value) {
    this.key = key;
    this.previous = MDC.get(key);
    MDC.put(key, value);
  }

  static MdcScope put(String key, String value) {
    return new MdcScope(key, value);
  }

  @Override
  public void close() {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }
}
