package io.connectsdk.simulators.bng;

import static java.util.Objects.requireNonNull;

/**
 * One webhook event the simulator emitted.
 *
 * @param id {@code evt_…}
 * @param type e.g. {@code customer.updated}
 * @param createdAt ISO-8601 UTC with milliseconds
 * @param body the exact JSON posted to subscribers
 *     ({@code {"id","type","created_at","data":{"object":{…}}}})
 */
public record BngEvent(String id, String type, String createdAt, String body) {
  public BngEvent {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(body, "body");
  }
}
