/**
 * Test kit, free of any test framework: scriptable in-memory connector, fault scripts, fake clock,
 * recording listener. The JUnit 5 contract tests are in {@code io.connectsdk.testkit.junit5}
 * (artifact {@code sdk-testkit-junit5}).
 */
@NullMarked
package io.connectsdk.testkit;

import org.jspecify.annotations.NullMarked;
