package io.detc.backend.sql;

import io.detc.backend.Fidelity;
import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one compilation found: E401 for what the dialect cannot express, W402 for approximations (each saying what
 * changes), and other diagnostics passed through (pipelines). The fidelity follows from them: unsupported when any
 * error, approximated when any W402, exact otherwise. Repeated messages at one span are kept once.
 */
final class SqlNotes {
    private final String target;
    private final List<Diagnostic> list = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final Set<String> unsupported = new LinkedHashSet<>();
    private final Set<String> approximated = new LinkedHashSet<>();

    SqlNotes(String target) {
        this.target = target;
    }

    void unsupported(Span span, String what) {
        unsupported.add(what);
        add(Diagnostic.of(Code.UNSUPPORTED, span, target + " does not support " + what));
    }

    void approximated(Span span, String what) {
        approximated.add(what);
        add(Diagnostic.of(Code.APPROXIMATED, span, target + " approximates: " + what));
    }

    void add(Diagnostic d) {
        if (seen.add(d.code().id() + "|" + d.span() + "|" + d.message())) {
            list.add(d);
        }
        if (d.isError() && d.code() != Code.UNSUPPORTED) {
            unsupported.add(d.message());
        }
    }

    void addAll(List<Diagnostic> ds) {
        ds.forEach(this::add);
    }

    boolean hasErrors() {
        return list.stream().anyMatch(Diagnostic::isError);
    }

    List<Diagnostic> list() {
        return List.copyOf(list);
    }

    Fidelity fidelity() {
        if (hasErrors()) {
            return new Fidelity.Unsupported(List.copyOf(unsupported));
        }
        if (!approximated.isEmpty()) {
            return new Fidelity.Approximated(List.copyOf(approximated));
        }
        return new Fidelity.Exact();
    }
}
