package io.detc.backend;

import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one query collects while a backend renders it: errors for what the target cannot express or does not have
 * (E401, E403, E404, or a pipeline's), which leave the document without a query, and warnings for declared
 * approximations (W402); each diagnostic once. The reasons feed {@link Compiled}'s fidelity.
 */
public class Findings {
    private final String target;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final Set<String> approximations = new LinkedHashSet<>();
    private final Set<String> unsupported = new LinkedHashSet<>();

    /** {@code target} names the target in E401 messages ("kql does not support ..."). */
    public Findings(String target) {
        this.target = target;
    }

    /** A declared approximation: what the query does differently from the rule. */
    public void approximate(Span span, String reason) {
        approximations.add(reason);
        report(Code.APPROXIMATED, span, reason, "");
    }

    /** Something the target cannot express exactly: the document gets no query. */
    public void unsupported(Span span, String reason) {
        unsupported.add(reason);
        report(Code.UNSUPPORTED, span, target + " does not support " + reason, "");
    }

    /** Another error (unknown field, no table), which also leaves the document without a query. */
    public void error(Code code, Span span, String message, String hint) {
        error(code, span, message, hint, message);
    }

    /** As {@link #error(Code, Span, String, String)}, with a shorter {@code reason} for the fidelity report. */
    public void error(Code code, Span span, String message, String hint, String reason) {
        unsupported.add(reason);
        report(code, span, message, hint);
    }

    /** A diagnostic from elsewhere (a pipeline); an error leaves the document without a query. */
    public void add(Diagnostic d) {
        if (d.isError()) {
            unsupported.add(d.message());
        }
        if (seen.add(d.code().id() + "\u0000" + d.span() + "\u0000" + d.message())) {
            diagnostics.add(d);
        }
    }

    private void report(Code code, Span span, String message, String hint) {
        if (seen.add(code.id() + "\u0000" + span + "\u0000" + message)) {
            diagnostics.add(Diagnostic.of(code, span, message).withHint(hint));
        }
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean failed() {
        return !unsupported.isEmpty();
    }

    public List<String> approximations() {
        return List.copyOf(approximations);
    }

    public List<String> unsupportedReasons() {
        return List.copyOf(unsupported);
    }
}
