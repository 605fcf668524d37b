/** JMH benchmarks and measurement harnesses. */
@NullMarked
package io.connectsdk.benchmarks;

import org.jspecify.annotations.NullMarked;
