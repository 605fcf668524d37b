package io.connectsdk.core.spi;

import static java.util.Objects.requireNonNull;

/**
 * An opaque position in a connector's change stream. Only the connector that made it understands
 * it; everyone else stores and returns it unchanged. {@link #BEGINNING} reads from the start.
 */
public record Cursor(String value) {
  /** The position before the first record. */
  public static final Cursor BEGINNING = new Cursor("");

  public Cursor {
    requireNonNull(value, "value");
  }

  public static Cursor of(String value) {
    return value.isEmpty() ? BEGINNING : new Cursor(value);
  }

  public boolean isBeginning() {
    return value.isEmpty();
  }
}
