/** Retry, circuit breaker, rate limiter, bulkhead and timeout policies for connector calls. */
package io.connectsdk.core.resilience;
