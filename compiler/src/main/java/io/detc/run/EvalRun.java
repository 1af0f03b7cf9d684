package io.detc.run;

import io.detc.Compilation;
import io.detc.check.LinkCheck;
import io.detc.correlate.Alert;
import io.detc.correlate.CorrelationEngine;
import io.detc.correlate.EventRef;
import io.detc.eval.Evaluator;
import io.detc.eval.JsonPaths;
import io.detc.event.Event;
import io.detc.event.EventProblem;
import io.detc.event.EventReader;
import io.detc.event.LogSourceKey;
import io.detc.pipeline.FieldResolver;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs a compilation's rules over event files: events stream through once, each is routed to the rules of its
 * log source; single-rule alerts are emitted as they happen (in input order), correlation alerts after the last
 * event (in time order). Rules named by a correlation alert on their own only when its {@code generate} says so.
 */
public final class EvalRun {
    private final Compilation compilation;
    private final FieldResolver resolver;
    private final EventReader reader = new EventReader();
    private final Map<String, JsonPaths.Path> paths = new ConcurrentHashMap<>();

    public EvalRun(Compilation compilation, FieldResolver resolver) {
        this.compilation = compilation;
        this.resolver = resolver;
    }

    /**
     * Rules the evaluator cannot run (an {@code |expand} placeholder no pipeline resolved), one message each.
     * They are left out of the run, never silently run as "no match"; callers report them.
     */
    public List<String> unsupported() {
        List<String> out = new java.util.ArrayList<>();
        for (Compilation.Lowered l : compilation.lowered()) {
            Evaluator.unsupported(l.predicate()).forEach(m -> out.add(l.rule().key() + ": " + m));
        }
        return out;
    }

    /** Progress callback: events read so far. */
    public interface Progress {
        void events(long count);
    }

    public Summary run(List<EventInput> inputs, Consumer<Alert> alerts, Consumer<EventProblem> problems,
                       Progress progress) {
        long start = System.nanoTime();
        List<Correlation> correlations = compilation.documents().stream().filter(d -> d instanceof Correlation)
                .map(d -> (Correlation) d).toList();
        LinkCheck.Index index = LinkCheck.check(compilation.documents(), new io.detc.diag.Diagnostics());
        CorrelationEngine engine = new CorrelationEngine(correlations, index, this::firstText);
        RuleRouter router = new RuleRouter(compilation.lowered().stream()
                .filter(l -> Evaluator.unsupported(l.predicate()).isEmpty()).toList(), resolver);
        Map<LogSourceKey, Long> bySource = new HashMap<>();
        Map<EventProblem.Kind, Long> problemCounts = new EnumMap<>(EventProblem.Kind.class);
        long[] counters = new long[2]; // events, alerts
        Consumer<EventProblem> countingProblems = p -> {
            problemCounts.merge(p.kind(), 1L, Long::sum);
            problems.accept(p);
        };
        Consumer<Event> onEvent = event -> {
            counters[0]++;
            if ((counters[0] & 0xFFFF) == 0) {
                progress.events(counters[0]);
            }
            bySource.merge(event.source(), 1L, Long::sum);
            engine.observe(event.time());
            for (RuleRouter.Routed r : router.rulesFor(event.source())) {
                if (r.matcher().matches(event.json())) {
                    engine.onMatch(r.rule(), event);
                    if (!engine.suppresses(r.rule())) {
                        counters[1]++;
                        alerts.accept(single(r.rule(), event));
                    }
                }
            }
        };
        // Parsing on a second thread (ReadAhead) only pays when a core is free: on this 2-core machine under load it
        // measured slower (BENCHMARKS.md), so it is opt-in with DETC_READ_AHEAD=1.
        if ("1".equals(System.getenv("DETC_READ_AHEAD"))) {
            ReadAhead.run(reader, inputs, onEvent, countingProblems);
        } else {
            for (EventInput in : inputs) {
                reader.read(in.path(), in.shown(), in.forced(), onEvent, countingProblems);
            }
        }
        for (Alert a : engine.finish()) {
            counters[1]++;
            alerts.accept(a);
        }
        return new Summary(counters[0], bySource, problemCounts, counters[1], engine.skipped(),
                System.nanoTime() - start);
    }

    private static Alert single(Document rule, Event e) {
        return new Alert(rule, List.of(new EventRef(e.file(), e.line(), e.time().orElse(null))), Optional.empty(),
                Optional.empty());
    }

    /** A rule-level field as text, through the event's log source mapping (for group-by and value fields). */
    private Optional<String> firstText(Event e, String field) {
        for (String native_ : resolver.resolve(e.source(), field)) {
            JsonPaths.Path p = paths.computeIfAbsent(native_, JsonPaths::compile);
            for (var v : p.values(e.json())) {
                if (v.isValueNode() && !v.isNull()) {
                    return Optional.of(v.asText());
                }
            }
        }
        return Optional.empty();
    }
}
