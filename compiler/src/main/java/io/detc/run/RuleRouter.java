package io.detc.run;

import io.detc.Compilation;
import io.detc.eval.CompiledRule;
import io.detc.eval.Evaluator;
import io.detc.event.LogSourceKey;
import io.detc.pipeline.FieldResolver;
import io.detc.rule.SigmaRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes events to the rules of their log source. For each source seen, the rules whose logsource matches it
 * are compiled once with that source's field mapping and kept, so per-event work is a map lookup and the
 * matchers.
 */
final class RuleRouter {
    /** A rule compiled for one log source. */
    record Routed(SigmaRule rule, CompiledRule matcher) {
    }

    private final List<Compilation.Lowered> rules;
    private final FieldResolver resolver;
    private final Map<LogSourceKey, List<Routed>> bySource = new HashMap<>();

    RuleRouter(List<Compilation.Lowered> rules, FieldResolver resolver) {
        this.rules = rules;
        this.resolver = resolver;
    }

    List<Routed> rulesFor(LogSourceKey source) {
        List<Routed> routed = bySource.get(source);
        if (routed == null) {
            routed = new ArrayList<>();
            for (Compilation.Lowered l : rules) {
                if (source.matches(l.rule().logsource())) {
                    routed.add(new Routed(l.rule(), Evaluator.compile(l.predicate(),
                            field -> resolver.resolve(source, field))));
                }
            }
            bySource.put(source, routed);
        }
        return routed;
    }
}
