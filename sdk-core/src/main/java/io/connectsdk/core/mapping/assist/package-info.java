/** Deterministic, explainable mapping helpers: field-pair suggestions, fuzzy code matching, anomaly flags. */
package io.connectsdk.core.mapping.assist;
