package io.connectsdk.core.sync;

import java.util.Map;
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

  /** Runs {@code body} under the MDC {@code context} (e.g. a job's, on a pool thread), then restores. */
  static void runWith(Map<String, String> context, Runnable body) {
    Map<String, String> previous = MDC.getCopyOfContextMap();
    set(context);
    try {
      body.run();
    } finally {
      set(previous);
    }
  }

  private static void set(Map<String, String> context) {
    if (context == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(context);
    }
  }
}
