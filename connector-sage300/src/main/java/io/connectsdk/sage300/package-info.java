/** Sage 300 Web API connector; start at {@code Sage300Connector.builder()}. */
@NullMarked
package io.connectsdk.sage300;

import org.jspecify.annotations.NullMarked;
