package io.connectsdk.testkit;

/** The connector calls a {@link FaultScript} can target and {@link ConnectorStats} counts. */
public enum ConnectorOperation {
  /** {@link io.connectsdk.core.spi.Connector#readChanges}. */
  READ,
  /** {@link io.connectsdk.core.spi.Connector#get}. */
  GET,
  /** {@link io.connectsdk.core.spi.Connector#find}. */
  FIND,
  /** {@link io.connectsdk.core.spi.Connector#write}. */
  WRITE
}
