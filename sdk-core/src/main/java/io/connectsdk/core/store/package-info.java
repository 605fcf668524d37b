/** State stores (checkpoints, key map, write ledger, dead-letter queue): SPI and in-memory implementations. */
package io.connectsdk.core.store;
