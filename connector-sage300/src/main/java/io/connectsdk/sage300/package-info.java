/** Sage 300 Web API connector; start at {@code Sage300Connector.builder()}. */
package io.connectsdk.sage300;
