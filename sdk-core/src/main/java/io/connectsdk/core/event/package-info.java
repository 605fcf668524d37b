/** Webhook verification, de-duplication and ordering, framework-agnostic. */
@NullMarked
package io.connectsdk.core.event;

import org.jspecify.annotations.NullMarked;
