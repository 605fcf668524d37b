/** Implementation details shared between the SDK's own modules; not an API, may change at any time. */
package io.connectsdk.core.internal;
