package io.connectsdk.core.mapping.assist;

import static java.util.Objects.requireNonNull;

/**
 * A suggested source-to-target field pair.
 *
 * @param source the source field name
 * @param target the target field name
 * @param score similarity in [0, 1], 1 for the same normalised name
 * @param reason why, for a person: same name, synonyms, or the similarity figures
 */
public record FieldPair(String source, String target, double score, String reason) {
  public FieldPair {
    requireNonNull(source, "source");
    requireNonNull(target, "target");
    requireNonNull(reason, "reason");
  }
}
