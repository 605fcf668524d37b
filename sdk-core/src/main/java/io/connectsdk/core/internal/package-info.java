/** Implementation details shared between the SDK's own modules; not an API, may change at any time. */
@NullMarked
package io.connectsdk.core.internal;

import org.jspecify.annotations.NullMarked;
