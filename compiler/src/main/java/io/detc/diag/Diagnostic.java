package io.detc.diag;

import io.detc.source.Span;
import java.util.Objects;

/**
 * A problem found in user input, with a stable code, an exact place and an optional hint ("did you mean ...").
 * The hint is empty when there is none.
 */
public record Diagnostic(Severity severity, Code code, String message, Span span, String hint) {
    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(code);
        Objects.requireNonNull(message);
        Objects.requireNonNull(span);
        hint = hint == null ? "" : hint;
    }

    public static Diagnostic of(Code code, Span span, String message) {
        return new Diagnostic(code.severity(), code, message, span, "");
    }

    public Diagnostic withHint(String newHint) {
        return new Diagnostic(severity, code, message, span, newHint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
