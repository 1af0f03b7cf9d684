package io.detc.backend.kql;

import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one query collects while it is rendered: the helper functions it needs (emitted once, as {@code let}
 * statements before the query), fresh names for helper columns and mv-apply aliases, and the diagnostics: errors for
 * what Sentinel cannot express or does not have (E401, E403, E404) and warnings for declared approximations (W402),
 * each reason once.
 */
final class KqlContext {
    private final Set<KqlHelper> helpers = EnumSet.noneOf(KqlHelper.class);
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final Set<String> approximations = new LinkedHashSet<>();
    private final Set<String> unsupported = new LinkedHashSet<>();
    private int aliases;
    private int columns;

    /** Marks a helper function as used and returns its name. */
    String use(KqlHelper h) {
        helpers.add(h);
        h.requires().forEach(this::use);
        return h.function();
    }

    Set<KqlHelper> helpers() {
        return helpers;
    }

    /** A fresh alias for the elements of one expanded array ({@code e0}, {@code e1}, ...). */
    String alias() {
        return "e" + aliases++;
    }

    /** A fresh helper column name ({@code detc_m0}, ...). */
    String column() {
        return "detc_m" + columns++;
    }

    /** A declared approximation: what the query does differently from the rule. */
    void approximate(Span span, String reason) {
        approximations.add(reason);
        report(Code.APPROXIMATED, span, reason, "");
    }

    /** Something Sentinel cannot express exactly: the rule gets no query. */
    void unsupported(Span span, String reason) {
        unsupported.add(reason);
        report(Code.UNSUPPORTED, span, "kql does not support " + reason, "");
    }

    /** Another error (unknown field, no table), which also leaves the rule without a query. */
    void error(Code code, Span span, String message, String hint, String reason) {
        unsupported.add(reason);
        report(code, span, message, hint);
    }

    /** A diagnostic from elsewhere (a pipeline); an error leaves the rule without a query. */
    void add(Diagnostic d) {
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

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    boolean failed() {
        return !unsupported.isEmpty();
    }

    List<String> approximations() {
        return List.copyOf(approximations);
    }

    List<String> unsupportedReasons() {
        return List.copyOf(unsupported);
    }
}
