/** Runnable examples of connect-sdk; the main one is {@link OrderToCashDemo}. */
package io.connectsdk.examples;
