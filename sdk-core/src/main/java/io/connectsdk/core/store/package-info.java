/** State stores (checkpoints, key map, write ledger, dead-letter queue): SPI and in-memory implementations. */
@NullMarked
package io.connectsdk.core.store;

import org.jspecify.annotations.NullMarked;
