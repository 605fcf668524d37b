package io.connectsdk.core.mapping;

/** How a decimal or currency rule writes its result. */
public enum NumberOutput {
  /** A JSON number with the exact scale, e.g. {@code 5000.00}. */
  NUMBER,
  /** Decimal text without exponent, e.g. {@code "5000.00"}. */
  TEXT
}
