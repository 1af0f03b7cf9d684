package io.detc.backend.spl;

import io.detc.backend.Fidelity;
import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What compiling one document for Splunk found: E401 for what SPL cannot say exactly, W402 for each approximation
 * (the message says what changes), E403 for unknown fields, E404 for a log source without a sourcetype, plus the
 * pipelines' own diagnostics. The fidelity is read from them. Repeated messages at one place are kept once.
 */
final class SplNotes {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    void add(Diagnostic d) {
        if (seen.add(d.code().id() + "|" + d.span() + "|" + d.message())) {
            diagnostics.add(d);
        }
    }

    void addAll(List<Diagnostic> ds) {
        ds.forEach(this::add);
    }

    void unsupported(Span span, String what) {
        add(Diagnostic.of(Code.UNSUPPORTED, span, "spl does not support " + what));
    }

    void approximated(Span span, String what) {
        add(Diagnostic.of(Code.APPROXIMATED, span, "spl approximates: " + what));
    }

    void report(Code code, Span span, String message, String hint) {
        add(Diagnostic.of(code, span, message).withHint(hint));
    }

    boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    List<Diagnostic> list() {
        return List.copyOf(diagnostics);
    }

    /** Exact without any E4xx/W402; unsupported with any error; approximated otherwise. */
    Fidelity fidelity() {
        List<String> errors = diagnostics.stream().filter(Diagnostic::isError).map(SplNotes::reason).toList();
        if (!errors.isEmpty()) {
            return new Fidelity.Unsupported(errors);
        }
        List<String> approx = diagnostics.stream().filter(d -> d.code() == Code.APPROXIMATED)
                .map(SplNotes::reason).toList();
        return approx.isEmpty() ? new Fidelity.Exact() : new Fidelity.Approximated(approx);
    }

    private static String reason(Diagnostic d) {
        return d.code().id() + " " + d.message();
    }
}
