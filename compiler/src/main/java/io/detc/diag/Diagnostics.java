package io.detc.diag;

import io.detc.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A collector of diagnostics: stages add to it and go on, so one run reports every problem (CEL's style).
 * Not thread-safe; each stage run owns one.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public Diagnostic report(Code code, Span span, String message) {
        Diagnostic d = Diagnostic.of(code, span, message);
        items.add(d);
        return d;
    }

    public void report(Code code, Span span, String message, String hint) {
        items.add(Diagnostic.of(code, span, message).withHint(hint));
    }

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void addAll(List<Diagnostic> ds) {
        items.addAll(ds);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public int size() {
        return items.size();
    }

    public List<Diagnostic> list() {
        return Collections.unmodifiableList(items);
    }
}
