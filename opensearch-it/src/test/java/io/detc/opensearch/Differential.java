package io.detc.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.detc.Compilation;
import io.detc.backend.Compiled;
import io.detc.backend.opensearch.OpenSearchBackend;
import io.detc.eval.CompiledRule;
import io.detc.eval.Evaluator;
import io.detc.event.Event;
import io.detc.event.EventReader;
import io.detc.event.LogSourceKey;
import io.detc.pipeline.FieldResolver;
import io.detc.pipeline.Pipeline;
import io.detc.rule.SigmaRule;
import io.detc.run.EventInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs every single-event rule of a compilation through the evaluator and through OpenSearch over the same events and
 * reports, per rule, the fidelity the backend declares and the (file:line) sets each side matched.
 */
final class Differential {
    /** One rule's outcome. */
    record Outcome(String rule, String fidelity, Set<String> evaluator, Set<String> opensearch, String note) {
        boolean agrees() {
            return fidelity.equals("unsupported") || evaluator.equals(opensearch);
        }

        /** What differs: "missing [...] extra [...]". */
        String diff() {
            Set<String> missing = new TreeSet<>(evaluator);
            missing.removeAll(opensearch);
            Set<String> extra = new TreeSet<>(opensearch);
            extra.removeAll(evaluator);
            return "missing " + missing + " extra " + extra;
        }

        String line() {
            if (fidelity.equals("unsupported")) {
                return rule + ": unsupported (" + note + "), evaluator " + evaluator.size();
            }
            Set<String> missing = new TreeSet<>(evaluator);
            missing.removeAll(opensearch);
            Set<String> extra = new TreeSet<>(opensearch);
            extra.removeAll(evaluator);
            return rule + ": " + fidelity + ", evaluator " + evaluator.size() + ", opensearch " + opensearch.size()
                    + (agrees() ? ", agree" : ", DISAGREE missing " + missing + " extra " + extra);
        }
    }

    static List<Event> read(List<EventInput> inputs) {
        List<Event> out = new ArrayList<>();
        EventReader reader = new EventReader();
        for (EventInput in : inputs) {
            reader.read(in.path(), in.shown(), in.forced(), out::add, p -> {
                // bad lines are the evaluator's problems too: neither side sees them
            });
        }
        return out;
    }

    static List<Outcome> run(Compilation compilation, List<Event> events, EventIndex index, List<Pipeline> pipelines) {
        OpenSearchBackend os = new OpenSearchBackend();
        FieldResolver resolver = FieldResolver.standard();
        List<Outcome> out = new ArrayList<>();
        for (Compilation.Lowered l : compilation.lowered()) {
            SigmaRule rule = l.rule();
            if (!Evaluator.unsupported(l.predicate()).isEmpty()) {
                continue;
            }
            Set<String> evaluator = new TreeSet<>();
            Map<LogSourceKey, CompiledRule> bySource = new HashMap<>();
            for (Event e : events) {
                if (!e.source().matches(rule.logsource())) {
                    continue;
                }
                CompiledRule m = bySource.computeIfAbsent(e.source(), s -> Evaluator.compile(l.predicate(),
                        f -> resolver.resolve(s, f)));
                if (m.matches(e.json())) {
                    evaluator.add(e.file() + ":" + e.line());
                }
            }
            Compiled c = os.compile(compilation, rule, pipelines, "query");
            String name = rule.meta().title();
            if (c.text().isEmpty()) {
                out.add(new Outcome(name, "unsupported", evaluator, Set.of(), String.join("; ",
                        c.diagnostics().stream().filter(d -> d.isError()).map(d -> d.code().id() + " "
                                + d.message()).toList())));
                continue;
            }
            String idx = OpenSearchBackend.index(rule, pipelines, compilation).orElseThrow();
            Set<String> got = new TreeSet<>(index.search(idx, c.text().get()));
            monitorSearchRuns(index, idx, os.compile(compilation, rule, pipelines, "monitor"));
            out.add(new Outcome(name, c.fidelity().label(), evaluator, got, String.join("; ",
                    c.diagnostics().stream().map(d -> d.code().id() + " " + d.message()).toList())));
        }
        return out;
    }

    /**
     * Every correlation (unsupported ones listed as such): the groups whose aggregation has a bucket, against the
     * groups of the evaluator's alerts (EvalRun over the same inputs). One outcome per correlation; the sets hold
     * group values joined by '|'.
     */
    static List<Outcome> correlations(Compilation compilation, List<io.detc.run.EventInput> inputs, EventIndex index,
                                      List<Pipeline> pipelines) {
        OpenSearchBackend os = new OpenSearchBackend();
        Map<io.detc.rule.Document, Set<String>> evaluator = new HashMap<>();
        new io.detc.run.EvalRun(compilation, FieldResolver.standard()).run(inputs, a -> a.group().ifPresent(g -> {
            if (a.source() instanceof io.detc.rule.Correlation c) {
                evaluator.computeIfAbsent(c, k -> new TreeSet<>()).add(String.join("|",
                        c.groupBy().stream().map(f -> String.valueOf(g.get(f))).toList()));
            }
        }), p -> { }, n -> { });
        List<Outcome> out = new ArrayList<>();
        for (io.detc.rule.Document d : compilation.documents()) {
            if (!(d instanceof io.detc.rule.Correlation c)) {
                continue;
            }
            io.detc.check.LinkCheck.Index links = io.detc.check.LinkCheck.check(compilation.documents(),
                    new io.detc.diag.Diagnostics());
            boolean buildingBlock = compilation.documents().stream().filter(o -> o instanceof io.detc.rule.Correlation)
                    .flatMap(o -> ((io.detc.rule.Correlation) o).rules().stream())
                    .anyMatch(r -> links.resolve(r.target()).filter(x -> x == c).isPresent());
            if (buildingBlock) {
                continue;   // named by another correlation: the evaluator keeps its own alerts off
            }
            Compiled compiled = os.compile(compilation, c, pipelines, "query");
            Set<String> ev = evaluator.getOrDefault(c, new TreeSet<>());
            if (compiled.text().isEmpty()) {
                out.add(new Outcome(c.meta().title(), "unsupported", ev, Set.of(), compiled.diagnostics().toString()));
                continue;
            }
            String idx = OpenSearchBackend.index(c, pipelines, compilation).orElseThrow();
            monitorSearchRuns(index, idx, os.compile(compilation, c, pipelines, "monitor"));
            Set<String> got = new TreeSet<>();
            JsonNode aggs = index.aggregate(idx, compiled.text().get());
            if (c.groupBy().isEmpty()) {
                if (aggs.get("window").get("buckets").size() > 0) {
                    got.add("");
                }
            } else {
                collect(aggs.get("group0"), 0, c.groupBy().size(), "", got);
            }
            out.add(new Outcome(c.meta().title(), compiled.fidelity().label(), ev, got, ""));
        }
        return out;
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode agg, int level, int levels, String prefix,
                                Set<String> out) {
        for (com.fasterxml.jackson.databind.JsonNode b : agg.get("buckets")) {
            String key = prefix.isEmpty() && level == 0 ? b.get("key").asText() : prefix + "|" + b.get("key").asText();
            if (level + 1 < levels) {
                collect(b.get("group" + (level + 1)), level + 1, levels, key, out);
            } else if (b.get("window").get("buckets").size() > 0) {
                out.add(key);
            }
        }
    }

    /**
     * The search of a monitor (Alerting is not in the test node, so its trigger is not run) runs on the engine with
     * {@code {{period_end}}} filled in.
     */
    static void monitorSearchRuns(EventIndex index, String idx, Compiled monitor) {
        try {
            com.fasterxml.jackson.databind.JsonNode m = OpenSearchNode.JSON.readTree(monitor.text().orElseThrow());
            String search = m.get("inputs").get(0).get("search").get("query").toString()
                    .replace("{{period_end}}", "1778000000000");
            index.aggregate(idx, search);
            monitors++;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int monitors;
}
