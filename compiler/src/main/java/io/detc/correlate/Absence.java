package io.detc.correlate;

import io.detc.condition.Condition;
import io.detc.rule.Correlation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Temporal correlations with a boolean condition over rule names (pySigma's extended temporal condition), the way
 * detc expresses absence: {@code grant and not audit}. Anchors are the hits of rules named outside any
 * {@code not}. At an anchor at time t, a rule name is true when the group has a hit of that rule within the
 * timespan on either side, {@code [t - timespan, t + timespan]}: a missing record may be late as well as early.
 * Consecutive satisfying anchors of a group, each within the timespan of the previous one, are one firing.
 */
final class Absence {
    private Absence() {
    }

    static List<WindowFirings.Firing> evaluate(Correlation c, Condition expr, List<Hit> sorted) {
        Duration span = c.timespan().orElseThrow();
        Set<String> positive = new HashSet<>();
        collectPositive(expr, false, positive);
        Map<List<String>, List<Hit>> byGroup = new HashMap<>();
        sorted.forEach(h -> byGroup.computeIfAbsent(h.group(), k -> new ArrayList<>()).add(h));
        List<WindowFirings.Firing> out = new ArrayList<>();
        Map<List<String>, Instant> lastSatisfied = new HashMap<>();
        for (Hit anchor : sorted) {
            if (!positive.contains(anchor.rule())) {
                continue;
            }
            List<Hit> group = byGroup.get(anchor.group());
            Instant from = anchor.time().minus(span);
            Instant to = anchor.time().plus(span);
            List<Hit> near = group.stream().filter(h -> !h.time().isBefore(from) && !h.time().isAfter(to)).toList();
            Set<String> present = new HashSet<>();
            near.forEach(h -> present.add(h.rule()));
            boolean satisfied = expr.accept(new Truth(present));
            Instant last = lastSatisfied.get(anchor.group());
            if (satisfied && (last == null || last.isBefore(from))) {
                out.add(new WindowFirings.Firing(anchor.group(), near.stream()
                        .filter(h -> positive.contains(h.rule())).toList()));
            }
            if (satisfied) {
                lastSatisfied.put(anchor.group(), anchor.time());
            } else {
                lastSatisfied.remove(anchor.group());
            }
        }
        return out;
    }

    private static void collectPositive(Condition c, boolean negated, Set<String> out) {
        if (c instanceof Condition.Ref r && !negated) {
            out.add(r.name());
        } else if (c instanceof Condition.Not n) {
            collectPositive(n.operand(), !negated, out);
        } else if (c instanceof Condition.And a) {
            a.terms().forEach(t -> collectPositive(t, negated, out));
        } else if (c instanceof Condition.Or o) {
            o.terms().forEach(t -> collectPositive(t, negated, out));
        }
    }

    /** The expression's value given which rules are present near the anchor. */
    private record Truth(Set<String> present) implements Condition.Visitor<Boolean> {
        public Boolean visitOr(Condition.Or n) {
            return n.terms().stream().anyMatch(t -> t.accept(this));
        }

        public Boolean visitAnd(Condition.And n) {
            return n.terms().stream().allMatch(t -> t.accept(this));
        }

        public Boolean visitNot(Condition.Not n) {
            return !n.operand().accept(this);
        }

        public Boolean visitRef(Condition.Ref n) {
            return present.contains(n.name());
        }

        public Boolean visitOfPattern(Condition.OfPattern n) {
            // Only rule names of this correlation are in scope; the checker rejected patterns matching none.
            throw new IllegalStateException("patterns are expanded before evaluation: " + n.pattern());
        }

        public Boolean visitOfThem(Condition.OfThem n) {
            throw new IllegalStateException("'them' is expanded before evaluation");
        }
    }
}
