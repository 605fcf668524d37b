package io.connectsdk.core.mapping.assist;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Finds the known code (SKU, item number) closest to a given one: codes are normalised (upper case,
 * letters and digits only, so {@code tsh-12 b} equals {@code TSH12B}) and compared by Jaro-Winkler
 * similarity; the best match at or above the threshold (default 0.9) wins, ties going to the
 * alphabetically first code. Deterministic; immutable and thread-safe.
 *
 * <pre>{@code
 * CodeMatcher.of(List.of("A1-103", "A1-105")).match("a1 103")   // A1-103, score 1.0
 * }</pre>
 */
public final class CodeMatcher {
  private static final double DEFAULT_THRESHOLD = 0.9;

  private final List<String> codes;
  private final List<String> normalised;
  private final double threshold;

  private CodeMatcher(Collection<String> codes, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
    }
    this.codes = List.copyOf(codes);
    List<String> n = new ArrayList<>(this.codes.size());
    for (String code : this.codes) {
      n.add(Names.code(code));
    }
    this.normalised = List.copyOf(n);
    this.threshold = threshold;
  }

  /** A matcher over these known codes with threshold 0.9. */
  public static CodeMatcher of(Collection<String> codes) {
    return new CodeMatcher(codes, DEFAULT_THRESHOLD);
  }

  /** A matcher with a threshold in (0, 1]. */
  public static CodeMatcher of(Collection<String> codes, double threshold) {
    return new CodeMatcher(codes, threshold);
  }

  /** The best match at or above the threshold, or empty. */
  public Optional<CodeMatch> match(String code) {
    requireNonNull(code, "code");
    String query = Names.code(code);
    if (query.isEmpty()) {
      return Optional.empty();
    }
    String best = null;
    double bestScore = -1;
    for (int i = 0; i < codes.size(); i++) {
      double score = JaroWinkler.similarity(query, normalised.get(i));
      String candidate = codes.get(i);
      if (score > bestScore || (score == bestScore && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best == null || bestScore < threshold) {
      return Optional.empty();
    }
    return Optional.of(new CodeMatch(code, best, Math.round(bestScore * 1000) / 1000.0));
  }
}
