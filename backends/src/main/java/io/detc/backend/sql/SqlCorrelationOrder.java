package io.detc.backend.sql;

import io.detc.check.LinkCheck;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.RuleRef;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The evaluator's run order of correlations, so a chained correlation's expressions come after those it reads. */
final class SqlCorrelationOrder {
    private SqlCorrelationOrder() {
    }

    /** The evaluator's run order of correlations: each after those it names (CorrelationOrder). */
    static List<Correlation> topological(List<Correlation> all, LinkCheck.Index index) {
        List<Correlation> out = new ArrayList<>();
        Map<Correlation, Boolean> done = new IdentityHashMap<>();
        for (Correlation c : all) {
            visit(c, index, done, out, 0);
        }
        return out;
    }

    static void visit(Correlation c, LinkCheck.Index index, Map<Correlation, Boolean> done,
                              List<Correlation> out, int depth) {
        if (done.containsKey(c) || depth > 100) {
            return;
        }
        done.put(c, Boolean.TRUE);
        for (RuleRef r : c.rules()) {
            Document x = index.resolve(r.target()).orElse(null);
            if (x instanceof Correlation inner) {
                visit(inner, index, done, out, depth + 1);
            }
        }
        out.add(c);
    }
}
