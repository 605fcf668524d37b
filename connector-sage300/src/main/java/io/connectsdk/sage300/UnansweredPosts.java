package io.connectsdk.sage300;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Idempotency keys of creates whose POST got no answer (a lost response, a reset): when the same
 * record is written again (a retry in this call, or the engine's retry in a later call) and meets
 * its own record, the result is CREATED, which is what the server saw, not UPDATED or UNCHANGED.
 * Bounded (oldest forgotten first); a forgotten key only makes the count say UPDATED. Thread-safe.
 */
final class UnansweredPosts {
  private static final int MAX = 10_000;

  private final Map<String, Boolean> keys = new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > MAX;
    }
  };

  /** Marks a POST about to be sent; true if an earlier POST of this key got no answer. */
  synchronized boolean sending(String key) {
    return keys.put(key, Boolean.TRUE) != null;
  }

  /** The record of {@code key} was found: true (and forgotten) if its POST got no answer. */
  synchronized boolean lookedUp(String key) {
    return keys.remove(key) != null;
  }

  /** The POST of {@code key} got an answer (whatever it was). */
  synchronized void answered(String key) {
    keys.remove(key);
  }
}
