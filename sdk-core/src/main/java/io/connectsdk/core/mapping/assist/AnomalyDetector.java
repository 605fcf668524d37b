package io.connectsdk.core.mapping.assist;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Flags an amount (e.g. an order total) that is far from a customer's usual amounts, by the robust
 * z-score of Iglewicz and Hoaglin: {@code 0.6745 * (x - median) / MAD}, where MAD is the median
 * absolute deviation. Amounts whose absolute score exceeds the threshold (default 3.5) are
 * anomalous, in either direction. Exact BigDecimal arithmetic; deterministic; immutable and
 * thread-safe.
 *
 * <p>Edge cases are explicit: fewer than {@code minHistory} (default 5) past amounts gives {@link
 * Anomaly.Verdict#INSUFFICIENT_HISTORY}; when MAD is zero (more than half the history is one
 * value) the mean absolute deviation is used instead ({@code (x - median) / (1.2533 * meanAD)});
 * when that is zero too (all past amounts equal), any different amount is anomalous without a
 * score.
 */
public final class AnomalyDetector {
  private static final BigDecimal CONSISTENCY = new BigDecimal("0.6745");
  private static final BigDecimal MEAN_AD_FACTOR = new BigDecimal("1.253314");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final MathContext MC = MathContext.DECIMAL64;

  private final BigDecimal threshold;
  private final int minHistory;

  private AnomalyDetector(BigDecimal threshold, int minHistory) {
    if (requireNonNull(threshold, "threshold").signum() <= 0) {
      throw new IllegalArgumentException("threshold must be > 0: " + threshold);
    }
    if (minHistory < 3) {
      throw new IllegalArgumentException("minHistory must be >= 3: " + minHistory);
    }
    this.threshold = threshold;
    this.minHistory = minHistory;
  }

  /** Threshold 3.5, at least 5 past amounts. */
  public static AnomalyDetector defaults() {
    return new AnomalyDetector(new BigDecimal("3.5"), 5);
  }

  /** A detector with this score threshold and minimum history size (at least 3). */
  public static AnomalyDetector of(BigDecimal threshold, int minHistory) {
    return new AnomalyDetector(threshold, minHistory);
  }

  /** Assesses {@code amount} against {@code history} (neither changed). */
  public Anomaly assess(BigDecimal amount, Collection<BigDecimal> history) {
    requireNonNull(amount, "amount");
    List<BigDecimal> past = new ArrayList<>(requireNonNull(history, "history"));
    for (BigDecimal value : past) {
      requireNonNull(value, "history value");
    }
    int n = past.size();
    if (n < minHistory) {
      return new Anomaly(amount, n, BigDecimal.ZERO, BigDecimal.ZERO, Optional.empty(),
          Anomaly.Verdict.INSUFFICIENT_HISTORY,
          "only " + n + " past amounts; at least " + minHistory + " are needed");
    }
    BigDecimal median = median(past);
    List<BigDecimal> deviations = new ArrayList<>(n);
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal value : past) {
      BigDecimal d = value.subtract(median).abs();
      deviations.add(d);
      sum = sum.add(d);
    }
    BigDecimal mad = median(deviations);
    BigDecimal distance = amount.subtract(median);
    BigDecimal score;
    String basis;
    if (mad.signum() > 0) {
      score = CONSISTENCY.multiply(distance).divide(mad, MC);
      basis = "MAD " + mad.toPlainString();
    } else {
      BigDecimal meanAd = sum.divide(BigDecimal.valueOf(n), MC);
      if (meanAd.signum() == 0) {
        boolean same = distance.signum() == 0;
        return new Anomaly(amount, n, median, mad,
            same ? Optional.of(BigDecimal.ZERO.setScale(2)) : Optional.empty(),
            same ? Anomaly.Verdict.NORMAL : Anomaly.Verdict.ANOMALOUS,
            "all " + n + " past amounts equal " + median.toPlainString() + "; "
                + (same ? "the amount is the same" : "any other amount is anomalous"));
      }
      score = distance.divide(MEAN_AD_FACTOR.multiply(meanAd), MC);
      basis = "MAD 0, mean absolute deviation " + meanAd.round(new MathContext(6)).toPlainString();
    }
    BigDecimal rounded = score.setScale(2, RoundingMode.HALF_UP);
    boolean anomalous = score.abs().compareTo(threshold) > 0;
    return new Anomaly(amount, n, median, mad, Optional.of(rounded),
        anomalous ? Anomaly.Verdict.ANOMALOUS : Anomaly.Verdict.NORMAL,
        "amount " + amount.toPlainString() + " has robust z-score " + rounded.toPlainString()
            + " against median " + median.toPlainString() + " (" + basis + ", " + n
            + " past amounts); threshold " + threshold.toPlainString());
  }

  private static BigDecimal median(List<BigDecimal> values) {
    List<BigDecimal> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(mid)
        : sorted.get(mid - 1).add(sorted.get(mid)).divide(TWO);
  }
}
