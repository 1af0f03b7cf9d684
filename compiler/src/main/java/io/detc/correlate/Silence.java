package io.detc.correlate;

import io.detc.rule.Correlation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * detc's {@code silence} correlation: a group that sends no event of the referenced rules for longer than the
 * timespan. It fires for every gap longer than the timespan between two consecutive hits of a group (the alert
 * holds both), and for a group whose last hit is older than the timespan at the horizon: the newest event time
 * seen in the whole input (the alert holds the last hit). A group that never sent anything is not known and so
 * cannot fall silent: list expected groups with a rule that matches them.
 */
final class Silence {
    private Silence() {
    }

    /** A gap: the hits around it (one at the horizon) and where it starts and ends. */
    record Gap(List<String> group, List<Hit> around, Instant from, Instant to) {
    }

    static List<Gap> evaluate(Correlation c, List<Hit> sorted, Instant horizon) {
        Duration span = c.timespan().orElseThrow();
        Map<List<String>, Hit> last = new HashMap<>();
        List<Gap> out = new ArrayList<>();
        for (Hit h : sorted) {
            Hit prev = last.put(h.group(), h);
            if (prev != null && Duration.between(prev.time(), h.time()).compareTo(span) > 0) {
                out.add(new Gap(h.group(), List.of(prev, h), prev.time(), h.time()));
            }
        }
        for (Hit h : last.values()) {
            if (horizon != null && Duration.between(h.time(), horizon).compareTo(span) > 0) {
                out.add(new Gap(h.group(), List.of(h), h.time(), horizon));
            }
        }
        // Gaps that end together (every group silent at the horizon) keep the hits' order, time then input order,
        // as every other correlation does: input order alone would put a late-delivered earlier hit after later ones
        out.sort(java.util.Comparator.comparing(Gap::to).thenComparing(g -> g.around().get(0).time())
                .thenComparingLong(g -> g.around().get(0).seq()));
        return out;
    }
}
