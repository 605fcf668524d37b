/** Runnable examples of connect-sdk; the main one is {@link io.connectsdk.examples.OrderToCashDemo}. */
package io.connectsdk.examples;
