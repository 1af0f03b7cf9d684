package io.detc.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Fidelity;
import io.detc.backend.opensearch.OpenSearchBackend;
import io.detc.engine.EngineResult;
import io.detc.engine.EvaluatorEngine;
import io.detc.engine.OpenSearchEngine;
import io.detc.engine.property.Correlation;
import io.detc.engine.property.Scenario;
import io.detc.event.LogSourceKey;
import io.detc.pipeline.Pipeline;
import io.detc.rule.Document;
import io.detc.run.EventInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one generated scenario on the evaluator and on {@code detc eval --engine opensearch}'s engine against the
 * embedded node, and says whether they agree line for line on every document the backend compiles as exact.
 * Approximated and unsupported documents (and the correlations over them) are counted, not compared, once their
 * reasons are known ones ({@link OsReasons}); the engine must report exactly the unsupported ones.
 */
final class OsScenarioCheck {
    private static final List<Pipeline> PIPELINES = OpenSearchBackend.nativePipelines();
    private final Path dir;
    private final OpenSearchEngine engine;
    private final boolean honourDeclarations;

    /**
     * {@code honourDeclarations} false compares approximated documents too: only for proving that the check and
     * the shrinker catch a real difference.
     */
    OsScenarioCheck(Path dir, OpenSearchEngine engine, boolean honourDeclarations) {
        this.dir = dir;
        this.engine = engine;
        this.honourDeclarations = honourDeclarations;
    }

    /** The outcome of one scenario. */
    sealed interface Verdict {
        /** The rule file does not check clean: the generator (or a shrinking step) wrote an invalid rule. */
        record Invalid(String diagnostics) implements Verdict {
        }

        /** OpenSearch agreed on every compared document; the skip reasons are the known labels, once a document. */
        record Agree(int alerts, int compared, int skipped, List<String> skipReasons) implements Verdict {
        }

        /** A disagreement, an unknown reason, or an engine error, written out. */
        record Fail(String report) implements Verdict {
        }
    }

    Verdict check(Scenario s) {
        Path rules = dir.resolve("rules.yml");
        Path events = dir.resolve("events.jsonl");
        try {
            Files.writeString(rules, s.yaml(), StandardCharsets.UTF_8);
            Files.writeString(events, s.jsonl(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Compilation c = Compiler.standard().compile(List.of(rules));
        if (c.hasErrors() || c.documents().size() != s.documents()) {
            return new Verdict.Invalid(String.join("\n", c.diagnostics().stream().map(d -> d.span().line() + ":"
                    + d.span().column() + " " + d.code().id() + " " + d.message()).toList()));
        }
        List<EventInput> in = List.of(new EventInput(events, "events.jsonl", LogSourceKey.parse("okta/okta")));
        EngineResult want = new EvaluatorEngine().execute(c, in);
        if (!want.unsupported().isEmpty()) {
            return new Verdict.Invalid("the evaluator cannot run: " + want.unsupported());
        }
        List<String> failures = new ArrayList<>();
        List<String> skipReasons = new ArrayList<>();
        Set<String> skip = new TreeSet<>();
        Set<String> unsupported = new TreeSet<>();
        OpenSearchBackend backend = new OpenSearchBackend();
        for (Document d : c.documents()) {
            if (d instanceof io.detc.rule.Filter) {
                continue;   // no query of its own, and alerts never carry its key: it is part of its rules
            }
            Fidelity f = backend.compile(c, d, PIPELINES, "query").fidelity();
            List<String> reasons = f instanceof Fidelity.Approximated a ? a.reasons()
                    : f instanceof Fidelity.Unsupported u ? u.reasons() : List.of();
            if (f instanceof Fidelity.Unsupported) {
                unsupported.add(d.key());
            }
            for (String why : reasons) {
                Optional<OsReasons.Known> k = OsReasons.find(f, why);
                if (k.isEmpty()) {
                    failures.add(d.key() + " is " + f.label() + " for a reason the test does not know: " + why);
                } else if (k.get().mayDiffer(s, d.key()) && (honourDeclarations || k.get().unsupported())) {
                    skip.add(d.key());
                    skipReasons.add(f.label() + ": " + k.get().label());
                }
            }
        }
        for (Correlation corr : s.correlations()) {
            if (s.rules().stream().anyMatch(r -> corr.rules().contains(r.name()) && skip.contains(r.id()))) {
                skip.add(corr.id());
            }
        }
        int compared = c.documents().size() - s.filters().size() - skip.size();
        EngineResult got;
        try {
            got = engine.execute(c, in);
        } catch (RuntimeException ex) {
            return new Verdict.Fail("opensearch threw: " + ex);
        }
        Set<String> reported = new TreeSet<>();
        got.unsupported().forEach(u -> reported.add(u.substring(0, u.indexOf(": "))));
        if (!reported.equals(unsupported)) {
            failures.add("the engine reports unsupported " + reported + ", the backend declares " + unsupported);
        }
        if (!got.notLoaded().isEmpty() || got.events() != want.events()) {
            failures.add("opensearch loaded " + got.events() + " of " + want.events() + " events, not loaded: "
                    + got.notLoaded());
        }
        List<String> expected = without(want.alerts(), skip);
        List<String> actual = without(got.alerts(), skip);
        if (!expected.equals(actual)) {
            failures.add("opensearch:\n" + diff(expected, actual));
        }
        return failures.isEmpty() ? new Verdict.Agree(want.alerts().size(), compared, skip.size(), skipReasons)
                : new Verdict.Fail(String.join("\n", failures));
    }

    /** The alert lines whose rule is not one of {@code keys}. */
    private static List<String> without(List<String> alerts, Set<String> keys) {
        List<String> out = new ArrayList<>();
        for (String a : alerts) {
            try {
                JsonNode n = OpenSearchNode.JSON.readTree(a);
                if (!keys.contains(n.get("rule").asText())) {
                    out.add(a);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Lines only the evaluator printed (-) and only OpenSearch printed (+), or the order when they are the same. */
    private static String diff(List<String> expected, List<String> actual) {
        StringBuilder b = new StringBuilder();
        expected.stream().filter(e -> !actual.contains(e)).forEach(e -> b.append("  - ").append(e).append('\n'));
        actual.stream().filter(a -> !expected.contains(a)).forEach(a -> b.append("  + ").append(a).append('\n'));
        if (b.length() == 0) {
            b.append("  (same lines, different order)\n  expected ").append(expected).append("\n  actual   ")
                    .append(actual);
        }
        return b.toString();
    }
}
