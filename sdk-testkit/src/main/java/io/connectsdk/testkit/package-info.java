/** Test kit: scriptable in-memory connector, fault scripts, fake clock, recording listener, contract tests. */
package io.connectsdk.testkit;
