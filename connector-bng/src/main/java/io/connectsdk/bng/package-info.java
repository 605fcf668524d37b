/**
 * BNG v1 connector and webhooks; start at {@code BngConnector.builder()}, then {@code
 * bng.webhooks()}.
 */
@NullMarked
package io.connectsdk.bng;

import org.jspecify.annotations.NullMarked;
