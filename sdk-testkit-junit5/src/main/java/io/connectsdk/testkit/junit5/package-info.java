/**
 * JUnit Jupiter contract tests: {@link io.connectsdk.testkit.junit5.ConnectorContractTest} for a
 * {@code Connector}, and one per store ({@link io.connectsdk.testkit.junit5.CheckpointStoreContractTest},
 * {@link io.connectsdk.testkit.junit5.KeyMapContractTest},
 * {@link io.connectsdk.testkit.junit5.WriteLedgerContractTest},
 * {@link io.connectsdk.testkit.junit5.DeadLetterQueueContractTest}). Extend one, implement its
 * factory method, and every rule of the SPI runs against your implementation; a failing assertion
 * names the rule that was broken.
 *
 * <p>Only the JUnit Jupiter API is used (no AssertJ), and it is a {@code provided} dependency: the
 * JUnit version of your build runs these classes.
 */
@NullMarked
package io.connectsdk.testkit.junit5;

import org.jspecify.annotations.NullMarked;
