package io.connectsdk.simulators.sage300;

import static java.util.Objects.requireNonNull;

/**
 * A system-generated document number such as {@code ORD000000000001}, unique per resource.
 *
 * @param field property holding the number
 * @param prefix fixed leading letters
 * @param digits zero-padded width of the counter
 */
record DocumentNumber(String field, String prefix, int digits) {
  DocumentNumber {
    requireNonNull(field, "field");
    requireNonNull(prefix, "prefix");
    if (digits < 1) {
      throw new IllegalArgumentException("digits must be positive: " + digits);
    }
  }

  String format(long n) {
    String counter = Long.toString(n);
    return prefix + "0".repeat(Math.max(0, digits - counter.length())) + counter;
  }

  /** A client value that asks the server to assign the number (Sage shows new documents so). */
  static boolean isPlaceholder(String value) {
    return value.isBlank() || value.trim().equals("*** NEW ***");
  }
}
