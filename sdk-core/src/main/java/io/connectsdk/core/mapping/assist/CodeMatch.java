package io.connectsdk.core.mapping.assist;

import static java.util.Objects.requireNonNull;

/**
 * The best fuzzy match of a code.
 *
 * @param query the code looked for
 * @param code the matching known code, as given
 * @param score Jaro-Winkler similarity of the normalised codes in [0, 1]
 */
public record CodeMatch(String query, String code, double score) {
  public CodeMatch {
    requireNonNull(query, "query");
    requireNonNull(code, "code");
  }
}
