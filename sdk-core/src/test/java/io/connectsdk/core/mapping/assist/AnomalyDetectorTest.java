package io.connectsdk.core.mapping.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
  private static final AnomalyDetector DETECTOR = AnomalyDetector.defaults();

  private static List<BigDecimal> amounts(String... values) {
    List<BigDecimal> out = new ArrayList<>();
    for (String v : values) {
      out.add(new BigDecimal(v));
    }
    return out;
  }

  @Test
  void assess_farAboveUsualTotals_isAnomalousWithExplanation() {
    List<BigDecimal> history = amounts("100.00", "110.00", "90.00", "105.00", "95.00", "100.00");

    Anomaly a = DETECTOR.assess(new BigDecimal("900.00"), history);

    assertThat(a.anomalous()).isTrue();
    assertThat(a.median()).isEqualByComparingTo("100.00");
    assertThat(a.mad()).isEqualByComparingTo("5.00");
    assertThat(a.score()).contains(new BigDecimal("107.92"));
    assertThat(a.explanation()).isEqualTo("amount 900.00 has robust z-score 107.92 against median"
        + " 100.00 (MAD 5.00, 6 past amounts); threshold 3.5");
  }

  @Test
  void assess_withinSpread_isNormalAndBelowOnlyAtThreshold() {
    List<BigDecimal> history = amounts("100", "110", "90", "105", "95", "100");

    Anomaly normal = DETECTOR.assess(new BigDecimal("120"), history);
    // 0.6745 * 25.9 / 5 = 3.49391 -> normal; 26 -> 3.5074 -> anomalous
    Anomaly edge = DETECTOR.assess(new BigDecimal("125.9"), history);
    Anomaly over = DETECTOR.assess(new BigDecimal("126"), history);
    Anomaly low = DETECTOR.assess(new BigDecimal("1"), history);

    assertThat(normal.verdict()).isEqualTo(Anomaly.Verdict.NORMAL);
    assertThat(normal.score()).contains(new BigDecimal("2.70"));
    assertThat(edge.anomalous()).isFalse();
    assertThat(over.anomalous()).isTrue();
    assertThat(low.anomalous()).isTrue();
    assertThat(low.score().orElseThrow().signum()).isNegative();
  }

  @Test
  void assess_madZero_fallsBackToMeanAbsoluteDeviation() {
    List<BigDecimal> history = amounts("50", "50", "50", "50", "80");

    Anomaly a = DETECTOR.assess(new BigDecimal("100"), history);

    assertThat(a.mad()).isEqualByComparingTo("0");
    // meanAD = 30 / 5 = 6; (100 - 50) / (1.253314 * 6) = 6.649
    assertThat(a.score()).contains(new BigDecimal("6.65"));
    assertThat(a.anomalous()).isTrue();
    assertThat(a.explanation()).contains("MAD 0, mean absolute deviation 6");
  }

  @Test
  void assess_noSpreadAtAll_flagsAnyOtherAmountWithoutScore() {
    List<BigDecimal> history = amounts("20.00", "20.00", "20.00", "20.00", "20.00");

    Anomaly other = DETECTOR.assess(new BigDecimal("20.01"), history);
    Anomaly same = DETECTOR.assess(new BigDecimal("20.0"), history);

    assertThat(other.anomalous()).isTrue();
    assertThat(other.score()).isEmpty();
    assertThat(same.verdict()).isEqualTo(Anomaly.Verdict.NORMAL);
    assertThat(same.explanation()).isEqualTo("all 5 past amounts equal 20.00; the amount is the same");
  }

  @Test
  void assess_smallHistory_isInsufficient() {
    Anomaly a = DETECTOR.assess(new BigDecimal("1000000"), amounts("1", "2", "3", "4"));

    assertThat(a.verdict()).isEqualTo(Anomaly.Verdict.INSUFFICIENT_HISTORY);
    assertThat(a.anomalous()).isFalse();
    assertThat(a.score()).isEmpty();
    assertThat(a.explanation()).isEqualTo("only 4 past amounts; at least 5 are needed");
    assertThat(AnomalyDetector.of(new BigDecimal("3.5"), 3)
        .assess(new BigDecimal("1000"), amounts("1", "2", "3", "4")).anomalous()).isTrue();
  }

  @Test
  void assess_evenHistory_usesMeanOfMiddlePairAsMedian() {
    Anomaly a = DETECTOR.assess(new BigDecimal("10"), amounts("1", "2", "3", "4", "5", "6"));

    assertThat(a.median()).isEqualByComparingTo("3.5");
    assertThat(a.mad()).isEqualByComparingTo("1.5");
  }

  @Test
  void of_invalidSettings_areRejected() {
    assertThatThrownBy(() -> AnomalyDetector.of(BigDecimal.ZERO, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AnomalyDetector.of(BigDecimal.ONE, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
