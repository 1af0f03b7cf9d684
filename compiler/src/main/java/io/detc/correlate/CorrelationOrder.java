package io.detc.correlate;

import io.detc.check.LinkCheck;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.RuleRef;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Orders correlations so that each runs after the correlations it names (cycles were rejected by the checker). */
final class CorrelationOrder {
    private CorrelationOrder() {
    }

    static List<Correlation> topological(List<Correlation> correlations, LinkCheck.Index index) {
        List<Correlation> out = new ArrayList<>();
        Map<Correlation, Boolean> done = new IdentityHashMap<>();
        for (Correlation c : correlations) {
            visit(c, index, done, out, 0);
        }
        return out;
    }

    private static void visit(Correlation c, LinkCheck.Index index, Map<Correlation, Boolean> done,
                              List<Correlation> out, int depth) {
        if (done.containsKey(c) || depth > 100) {
            return;
        }
        done.put(c, Boolean.TRUE);
        for (RuleRef r : c.rules()) {
            Document d = index.resolve(r.target()).orElse(null);
            if (d instanceof Correlation inner) {
                visit(inner, index, done, out, depth + 1);
            }
        }
        out.add(c);
    }
}
