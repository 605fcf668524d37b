package io.connectsdk.simulators.sage300;

import static java.util.Objects.requireNonNull;

/**
 * How rows of a detail collection (e.g. {@code OrderDetails}) are identified for PATCH/PUT merges.
 *
 * @param keyField the row key property
 * @param generated whether the server numbers new rows (max + 1) instead of the client naming them
 */
record DetailSpec(String keyField, boolean generated) {
  DetailSpec {
    requireNonNull(keyField, "keyField");
  }
}
