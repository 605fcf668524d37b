package io.connectsdk.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigDecimal;

/**
 * Exact decimals, as the SDK's {@code Json} factory, but refusing a number whose exponent would make
 * any later {@code toPlainString()} or {@code toBigInteger()} exhaust memory: a hostile server's
 * {@code 1e999999999} becomes an error at parse time instead of an OutOfMemoryError later.
 */
final class SafeNodes extends JsonNodeFactory {
  private static final long serialVersionUID = 1L;
  static final int MAX_SCALE = 1000;
  static final SafeNodes INSTANCE = new SafeNodes();

  private SafeNodes() {
    super(true);
  }

  @Override
  public ValueNode numberNode(BigDecimal v) {
    if (v != null && Math.abs((long) v.scale()) > MAX_SCALE) {
      throw new IllegalArgumentException("number out of range (scale " + v.scale() + ")");
    }
    return super.numberNode(v);
  }
}
