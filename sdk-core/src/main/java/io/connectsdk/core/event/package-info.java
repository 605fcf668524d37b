/** Webhook verification, de-duplication and ordering, framework-agnostic. */
package io.connectsdk.core.event;
