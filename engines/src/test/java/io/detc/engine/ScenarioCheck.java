package io.detc.engine;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Fidelity;
import io.detc.diag.Diagnostic;
import io.detc.engine.property.Correlation;
import io.detc.engine.property.Observed;
import io.detc.engine.property.Rule;
import io.detc.engine.property.Scenario;
import io.detc.engine.property.Value;
import io.detc.event.LogSourceKey;
import io.detc.rule.Document;
import io.detc.run.EventInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one generated scenario on the evaluator and on every shared SQL engine and says whether they agree, alert
 * for alert and in order. Per engine, a document is left out of the comparison when the dialect declares it
 * unsupported, or approximated for a reason the scenario can trigger ({@link KnownReasons}); a reason that is not
 * declared there is itself a failure. A correlation is left out with the rules it names.
 */
final class ScenarioCheck {
    private final Path dir;
    /** Wall-clock nanoseconds per engine (the evaluator included) over every check, for the test's summary. */
    private final Map<String, Long> nanos = new LinkedHashMap<>();

    private final boolean honourDeclarations;

    /**
     * {@code honourDeclarations} false compares every document, declared approximations included: only for
     * proving that the check and the shrinker catch a real difference.
     */
    ScenarioCheck(Path dir, boolean honourDeclarations) {
        this.dir = dir;
        this.honourDeclarations = honourDeclarations;
    }

    Map<String, Long> nanos() {
        return nanos;
    }

    /** The outcome of one scenario. */
    sealed interface Verdict {
        /** The rule file does not check clean: the generator (or a shrinking step) wrote an invalid rule. */
        record Invalid(String diagnostics) implements Verdict {
        }

        /** Every engine agreed; {@code compared}/{@code skipped} count documents over all engines. */
        record Agree(int alerts, int correlationAlerts, int compared, int skipped, List<String> skipReasons)
                implements Verdict {
        }

        /** A disagreement, an undeclared reason, or an engine error, written out. */
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
        long t0 = System.nanoTime();
        EngineResult want = SharedEngines.evaluator().execute(c, in);
        nanos.merge("evaluator", System.nanoTime() - t0, Long::sum);
        if (!want.unsupported().isEmpty()) {
            return new Verdict.Invalid("the evaluator cannot run: " + want.unsupported());
        }
        List<String> failures = new ArrayList<>();
        int compared = 0;
        int skipped = 0;
        List<String> skipReasons = new ArrayList<>();
        for (SqlEngine e : SharedEngines.all()) {
            Set<String> skip = new HashSet<>();
            for (Document d : c.documents()) {
                Fidelity f = e.backend().compile(c, d, e.backend().defaultPipelines(), "query").fidelity();
                List<String> reasons = f instanceof Fidelity.Approximated a ? a.reasons()
                        : f instanceof Fidelity.Unsupported u ? u.reasons() : List.of();
                for (String why : reasons) {
                    KnownReasons.Known k = KnownReasons.find(f, why);
                    if (k == null) {
                        failures.add(e.name() + ": " + d.key() + " is " + f.label() + " for an undeclared reason: "
                                + why);
                    } else if (k == KnownReasons.FILTER) {
                        continue;   // alerts never carry a filter's key: nothing to leave out
                    } else if (k.mayDiffer(s, d.key()) && (honourDeclarations || k.unsupported())) {
                        skip.add(d.key());
                        skipReasons.add(e.name() + " " + f.label() + ": " + k.label());
                    }
                }
            }
            for (Correlation corr : s.correlations()) {
                if (s.rules().stream().anyMatch(r -> corr.rules().contains(r.name()) && skip.contains(r.id()))) {
                    skip.add(corr.id());
                }
            }
            compared += c.documents().size() - s.filters().size() - skip.size();
            skipped += skip.size();
            EngineResult got;
            long t1 = System.nanoTime();
            try {
                got = e.execute(c, in);
                nanos.merge(e.name(), System.nanoTime() - t1, Long::sum);
            } catch (RuntimeException ex) {
                failures.add(e.name() + " threw: " + ex.getMessage());
                continue;
            }
            List<String> expected = Differences.withoutKeys(want.alerts(), skip);
            List<String> actual = Differences.withoutKeys(got.alerts(), skip);
            if (!expected.equals(actual)) {
                failures.add(e.name() + ":\n" + Differences.diff(expected, actual));
            }
            if (!got.notLoaded().isEmpty()) {
                failures.add(e.name() + " could not load: " + got.notLoaded());
            }
        }
        return failures.isEmpty() ? new Verdict.Agree(want.alerts().size(),
                (int) want.alerts().stream().filter(a -> a.contains("\"window\"")).count(), compared, skipped,
                skipReasons)
                : new Verdict.Fail(String.join("\n", failures));
    }

    /**
     * The declared reasons a generated document may be approximated or unsupported for, each with whether the
     * scenario can show the difference (then the document is not compared on that engine).
     */
    static final class KnownReasons {
        record Known(String label, String fragment, boolean unsupported, Trigger trigger) {
            boolean mayDiffer(Scenario s, String key) {
                return unsupported || trigger.mayDiffer(s, key);
            }
        }

        interface Trigger {
            boolean mayDiffer(Scenario s, String key);
        }

        /** A filter document has no query of its own: it is part of the rules it names. */
        static final Known FILTER = new Known("filter document", "a filter on its own", true, (s, k) -> true);

        static final List<Known> ALL = List.of(
                // the text of a fractional JSON number: only when the rule reads a field holding one
                new Known("number text", "matched as text the way the engine prints it", false,
                        KnownReasons::readsFractionalNumber),
                // PostgreSQL's regex i and \b follow the C library and locale: any text may show it
                new Known("PostgreSQL regex i", "the regex flag i in PostgreSQL", false, (s, k) -> true),
                new Known("PostgreSQL \\b", "\\b and \\B in PostgreSQL", false, (s, k) -> true),
                // generated times are all in 2026 (or absent), never outside 1677-2262
                new Known("64-bit times", "event times are 64-bit nanoseconds", false, (s, k) -> false),
                new Known("numeric group values", "group-by values that are JSON numbers", false,
                        KnownReasons::groupsFractionalNumber),
                new Known("PostgreSQL regex", "in PostgreSQL: ", true, (s, k) -> true),
                KnownReasons.FILTER);

        private KnownReasons() {
        }

        static Known find(Fidelity f, String why) {
            boolean unsupported = f instanceof Fidelity.Unsupported;
            return ALL.stream().filter(k -> k.unsupported() == unsupported && why.contains(k.fragment()))
                    .findFirst().orElse(null);
        }

        private static boolean readsFractionalNumber(Scenario s, String key) {
            for (Rule r : s.rules()) {
                if (!r.id().equals(key)) {
                    continue;
                }
                for (Rule.Selection sel : r.selections()) {
                    for (List<Rule.Item> map : sel.maps()) {
                        for (Rule.Item i : map) {
                            List<String> fields = new ArrayList<>(List.of(i.field()));
                            if (i.modifiers().contains("fieldref")) {
                                i.values().forEach(v -> fields.add(((Value.Str) v).raw()));
                            }
                            if (fields.stream().anyMatch(f -> Observed.fractionalNumberAt(s.events(), f))) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }

        private static boolean groupsFractionalNumber(Scenario s, String key) {
            return s.correlations().stream().filter(c -> c.id().equals(key)).anyMatch(c -> c.groupBy().stream()
                    .anyMatch(g -> Observed.fractionalNumberAt(s.events(), g)));
        }
    }

    /** How often each skip reason occurred, for the test's summary. */
    static Map<String, Integer> tally(List<String> reasons) {
        Map<String, Integer> out = new LinkedHashMap<>();
        reasons.forEach(r -> out.merge(r, 1, Integer::sum));
        return out;
    }
}
