/** The BNG operations cloud connector: {@link io.connectsdk.bng.BngConnector} and its webhooks. */
package io.connectsdk.bng;
