package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Receives every change the API applies, to turn it into webhook events. */
@FunctionalInterface
interface EventSink {
  /**
   * @param type the event type, e.g. {@code customer.created}
   * @param object a snapshot of the record after the change (the sink may keep it)
   * @param at when the change happened
   */
  void emit(String type, ObjectNode object, Instant at);
}
