/** The contract a connector implements: {@link io.connectsdk.core.spi.Connector} and its value types. */
package io.connectsdk.core.spi;
