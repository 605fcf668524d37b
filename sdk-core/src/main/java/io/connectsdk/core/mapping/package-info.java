/** Compiled, reusable field mappings with validation, built in Java or loaded from JSON. */
package io.connectsdk.core.mapping;
