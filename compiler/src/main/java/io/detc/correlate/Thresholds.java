package io.detc.correlate;

import io.detc.rule.Correlation;
import java.math.BigDecimal;
import java.util.List;

/** Applies a correlation condition's comparisons (all of them: two make a range) to a measured number. */
final class Thresholds {
    private Thresholds() {
    }

    static boolean holds(List<Correlation.Comparison> comparisons, BigDecimal measured) {
        for (Correlation.Comparison c : comparisons) {
            int cmp = measured.compareTo(c.value());
            boolean ok = switch (c.op()) {
                case GT -> cmp > 0;
                case GTE -> cmp >= 0;
                case LT -> cmp < 0;
                case LTE -> cmp <= 0;
                case EQ -> cmp == 0;
                case NEQ -> cmp != 0;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
