/** Compiled, reusable field mappings with validation, built in Java or loaded from JSON. */
@NullMarked
package io.connectsdk.core.mapping;

import org.jspecify.annotations.NullMarked;
