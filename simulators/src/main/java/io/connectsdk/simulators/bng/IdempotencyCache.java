package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers the answer to each {@code Idempotency-Key} per tenant: the same key with the same
 * request (method, path and JSON body, compared as JSON) gets the first answer again; the same key
 * with another request gets 409 {@code idempotency_conflict}. Keys never expire. Callers hold the
 * store's monitor, so a key is applied at most once even under concurrent repeats.
 */
final class IdempotencyCache {
  /** A remembered answer. */
  record Answer(int status, String body) {}

  private record Entry(String method, String path, JsonNode body, Answer answer) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private long replays;

  /**
   * The remembered answer, or {@code apply}'s (remembered if it is not a 5xx).
   *
   * @throws BngError 409 idempotency_conflict for a key used with another request
   */
  Answer run(String tenant, String key, String method, String path, JsonNode body,
      Supplier<Answer> apply) {
    String k = tenant + "\n" + key;
    Entry e = entries.get(k);
    if (e != null) {
      if (e.method.equals(method) && e.path.equals(path) && e.body.equals(body)) {
        replays++;
        return e.answer;
      }
      throw new BngError(409, "idempotency_conflict", "The Idempotency-Key " + key
          + " was used with another request.");
    }
    Answer a;
    try {
      a = apply.get();
    } catch (BngError error) {
      a = new Answer(error.status, error.body());
    }
    if (a.status() < 500) {
      entries.put(k, new Entry(method, path, body, a));
    }
    return a;
  }

  long replays() {
    return replays;
  }

  void clear() {
    entries.clear();
    replays = 0;
  }
}
