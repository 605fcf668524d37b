/** Deterministic, explainable mapping helpers: field-pair suggestions, fuzzy code matching, anomaly flags. */
@NullMarked
package io.connectsdk.core.mapping.assist;

import org.jspecify.annotations.NullMarked;
