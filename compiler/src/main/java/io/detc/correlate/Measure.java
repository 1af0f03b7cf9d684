package io.detc.correlate;

import io.detc.rule.Correlation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a threshold correlation measures over the hits of one window: the count of events, of distinct values, or
 * the sum, average or percentile of a numeric field. Values that are not numbers are left out of sums, averages
 * and percentiles (never coerced to 0). Empty when there is nothing to measure (an average of no numbers).
 */
final class Measure {
    private Measure() {
    }

    static Optional<BigDecimal> of(Correlation c, List<Hit> window) {
        switch (c.type()) {
            case EVENT_COUNT:
                return Optional.of(BigDecimal.valueOf(window.size()));
            case VALUE_COUNT: {
                Set<String> distinct = new HashSet<>();
                window.stream().filter(h -> h.value() != null).forEach(h -> distinct.add(h.value()));
                return Optional.of(BigDecimal.valueOf(distinct.size()));
            }
            case TEMPORAL:
            case TEMPORAL_ORDERED: {
                Set<String> rules = new HashSet<>();
                window.forEach(h -> rules.add(h.rule()));
                return Optional.of(BigDecimal.valueOf(rules.size()));
            }
            default:
                return numeric(c, window);
        }
    }

    private static Optional<BigDecimal> numeric(Correlation c, List<Hit> window) {
        List<BigDecimal> numbers = new ArrayList<>();
        for (Hit h : window) {
            parse(h.value()).ifPresent(numbers::add);
        }
        if (numbers.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        switch (c.type()) {
            case VALUE_SUM:
                return Optional.of(sum);
            case VALUE_AVG:
                return Optional.of(sum.divide(BigDecimal.valueOf(numbers.size()), MathContext.DECIMAL64));
            default: {
                // Nearest-rank percentile: the smallest value with at least p% of the values at or below it.
                int p = c.threshold().flatMap(Correlation.Threshold::percentile).orElse(50);
                numbers.sort(null);
                int rank = (int) Math.ceil(p / 100.0 * numbers.size());
                return Optional.of(numbers.get(Math.max(0, Math.min(numbers.size() - 1, rank - 1))));
            }
        }
    }

    static Optional<BigDecimal> parse(String v) {
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(v.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
