package io.connectsdk.core.mapping.assist;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The assessment of one amount against its history.
 *
 * @param amount the amount assessed
 * @param historySize how many past amounts it was compared with
 * @param median median of the history (zero if the history is too small)
 * @param mad median absolute deviation from the median (zero if the history is too small)
 * @param score the robust z-score, rounded to 2 places; empty if the history is too small or has
 *     no spread at all
 * @param verdict normal, anomalous, or not enough history to say
 * @param explanation the figures behind the verdict, for a person
 */
public record Anomaly(BigDecimal amount, int historySize, BigDecimal median, BigDecimal mad,
    Optional<BigDecimal> score, Verdict verdict, String explanation) {

  /** What the detector concluded. */
  public enum Verdict { NORMAL, ANOMALOUS, INSUFFICIENT_HISTORY }

  public Anomaly {
    requireNonNull(amount, "amount");
    requireNonNull(median, "median");
    requireNonNull(mad, "mad");
    requireNonNull(score, "score");
    requireNonNull(verdict, "verdict");
    requireNonNull(explanation, "explanation");
  }

  /** True if the amount was flagged. */
  public boolean anomalous() {
    return verdict == Verdict.ANOMALOUS;
  }
}
