/** Runnable examples of connect-sdk; the main one is {@link OrderToCashDemo}. */
@NullMarked
package io.connectsdk.examples;

import org.jspecify.annotations.NullMarked;
