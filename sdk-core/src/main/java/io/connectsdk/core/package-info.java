/**
 * The embedder's API: entities, credentials, errors and the sync engine's entry points.
 *
 * <p>Null rule, for every package of the SDK: parameters, return values and fields are non-null
 * unless marked {@code @Nullable} (JSpecify {@code @NullMarked} packages); absent values are
 * {@code Optional} in return types and empty collections, never null.
 */
@NullMarked
package io.connectsdk.core;

import org.jspecify.annotations.NullMarked;
