package io.detc.engine;

import io.detc.Compilation;
import io.detc.backend.Backend;
import io.detc.backend.Compiled;
import io.detc.check.LinkCheck;
import io.detc.correlate.Alert;
import io.detc.correlate.CorrelationEngine;
import io.detc.correlate.EventRef;
import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import io.detc.pipeline.Pipeline;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.SigmaRule;
import io.detc.run.AlertJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a database engine runs for a compilation, decided the same way for every engine: each rule and correlation
 * compiled in the {@code query} format, in the compilation's order; those the backend cannot render listed as
 * unsupported ({@code key: reasons}); those a correlation silences ({@code generate: false}) left out, as the
 * evaluator prints no alert for them.
 *
 * @param rules        the single-event rules to run, with their place in the compilation (ties in alert order)
 * @param correlations the correlations to run
 * @param unsupported  the documents not run, with the backend's reasons
 * @param links        the compilation's rule references, for engines that follow a correlation to its rules
 */
record EnginePlan(List<Step<SigmaRule>> rules, List<Step<Correlation>> correlations, List<String> unsupported,
                  LinkCheck.Index links) {

    /** One document to run: its place among the compilation's rules, the document, and the compiled text. */
    record Step<D extends Document>(int index, D document, String text) {
    }

    static EnginePlan of(Backend backend, Compilation compilation, List<Pipeline> pipelines) {
        LinkCheck.Index links = LinkCheck.check(compilation.documents(), new Diagnostics());
        List<Correlation> all = compilation.documents().stream().filter(d -> d instanceof Correlation)
                .map(d -> (Correlation) d).toList();
        CorrelationEngine quiet = new CorrelationEngine(all, links, (e, f) -> Optional.empty());
        List<String> unsupported = new ArrayList<>();
        List<Step<SigmaRule>> rules = new ArrayList<>();
        List<Compilation.Lowered> lowered = compilation.lowered();
        for (int i = 0; i < lowered.size(); i++) {
            SigmaRule rule = lowered.get(i).rule();
            step(backend, compilation, pipelines, quiet, unsupported, i, rule).ifPresent(rules::add);
        }
        List<Step<Correlation>> correlations = new ArrayList<>();
        for (Correlation c : all) {
            step(backend, compilation, pipelines, quiet, unsupported, -1, c).ifPresent(correlations::add);
        }
        return new EnginePlan(rules, correlations, unsupported, links);
    }

    private static <D extends Document> Optional<Step<D>> step(Backend backend, Compilation compilation,
            List<Pipeline> pipelines, CorrelationEngine quiet, List<String> unsupported, int index,
            D d) {
        Compiled compiled = backend.compile(compilation, d, pipelines, "query");
        if (!compiled.ok()) {
            unsupported.add(d.key() + ": " + String.join("; ", compiled.diagnostics().stream()
                    .filter(Diagnostic::isError).map(Diagnostic::message).toList()));
            return Optional.empty();
        }
        if (quiet.suppresses(d)) {
            return Optional.empty();
        }
        return Optional.of(new Step<>(index, d, compiled.text().get()));
    }

    /** The evaluator's alert line for a single-event rule matching the event at {@code file:line}. */
    static String singleAlert(SigmaRule rule, String file, long line) {
        return AlertJson.line(new Alert(rule, List.of(new EventRef(file, line, null)), Optional.empty(),
                Optional.empty()));
    }
}
