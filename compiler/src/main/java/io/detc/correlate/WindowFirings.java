package io.detc.correlate;

import io.detc.rule.Correlation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding-window correlations (event_count, value_count, value_sum, value_avg, value_percentile, temporal,
 * temporal_ordered). Each hit of a group is an evaluation point: its window is the group's hits with times in
 * {@code [t - timespan, t]}. A point satisfies the correlation when the window meets the condition. Consecutive
 * satisfying points of a group, each within the timespan of the previous one, are one firing: the alert is the
 * first point's window. Hits arrive sorted by (time, input order).
 */
final class WindowFirings {
    private WindowFirings() {
    }

    /** A firing: the window's hits at the first satisfying point. */
    record Firing(List<String> group, List<Hit> window) {
    }

    static List<Firing> evaluate(Correlation c, List<String> ruleOrder, List<Hit> sorted) {
        Duration span = c.timespan().orElseThrow();
        Map<List<String>, GroupState> groups = new HashMap<>();
        List<Firing> out = new ArrayList<>();
        for (Hit h : sorted) {
            GroupState g = groups.computeIfAbsent(h.group(), k -> new GroupState());
            g.window.addLast(h);
            Instant from = h.time().minus(span);
            while (g.window.peekFirst().time().isBefore(from)) {
                g.window.removeFirst();
            }
            List<Hit> window = List.copyOf(g.window);
            boolean satisfied = satisfied(c, ruleOrder, window);
            boolean continues = g.lastSatisfied != null && !g.lastSatisfied.isBefore(from);
            if (satisfied && !continues) {
                out.add(new Firing(h.group(), window));
            }
            g.lastSatisfied = satisfied ? h.time() : null;
        }
        return out;
    }

    private static boolean satisfied(Correlation c, List<String> ruleOrder, List<Hit> window) {
        if (c.type() == Correlation.Type.TEMPORAL_ORDERED && !inOrder(ruleOrder, window)) {
            return false;
        }
        Optional<BigDecimal> measured = Measure.of(c, window);
        if (measured.isEmpty()) {
            return false;
        }
        if (c.threshold().isPresent()) {
            return Thresholds.holds(c.threshold().get().comparisons(), measured.get());
        }
        // Temporal types without a condition: every referenced rule occurs in the window.
        return measured.get().intValue() >= ruleOrder.size();
    }

    /** The rules occur in the listed order: a subsequence of the window's hits, in time then input order. */
    private static boolean inOrder(List<String> ruleOrder, List<Hit> window) {
        int next = 0;
        for (Hit h : window) {
            if (next < ruleOrder.size() && h.rule().equals(ruleOrder.get(next))) {
                next++;
            }
        }
        return next == ruleOrder.size();
    }

    private static final class GroupState {
        final Deque<Hit> window = new ArrayDeque<>();
        Instant lastSatisfied;
    }
}
