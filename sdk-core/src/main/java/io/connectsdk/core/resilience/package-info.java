/** Retry, circuit breaker, rate limiter, bulkhead and timeout policies for connector calls. */
@NullMarked
package io.connectsdk.core.resilience;

import org.jspecify.annotations.NullMarked;
