package io.detc.backend.opensearch;

import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one query collects while it is rendered: E401/E404 errors and W402 approximations, each reason once. */
final class OsContext {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final Set<String> approximations = new LinkedHashSet<>();
    private final Set<String> unsupported = new LinkedHashSet<>();

    void approximate(Span span, String reason) {
        approximations.add(reason);
        report(Code.APPROXIMATED, span, reason, "");
    }

    void unsupported(Span span, String reason) {
        unsupported.add(reason);
        report(Code.UNSUPPORTED, span, "opensearch does not support " + reason, "");
    }

    void error(Code code, Span span, String message, String hint) {
        unsupported.add(message);
        report(code, span, message, hint);
    }

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
