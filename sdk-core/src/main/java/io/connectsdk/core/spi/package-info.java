/** The contract a connector implements: {@link io.connectsdk.core.spi.Connector} and its value types. */
@NullMarked
package io.connectsdk.core.spi;

import org.jspecify.annotations.NullMarked;
