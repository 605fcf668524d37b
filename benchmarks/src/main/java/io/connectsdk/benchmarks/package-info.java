/** JMH benchmarks and measurement harnesses. */
package io.connectsdk.benchmarks;
