package io.detc.source;

/**
 * Maps character offsets inside a decoded value (a YAML scalar's text) back to a span in its file, so that an error
 * inside a {@code condition:} or a regex points at the file, not at the scalar (Trino's position rebasing).
 */
@FunctionalInterface
public interface TextLocator {
    /** The file span of the value's characters {@code [from, to)}; offsets are 0-based and clamped. */
    Span span(int from, int to);

    /** A locator for text that starts at {@code start} and maps one to one onto the file (plain one-line text). */
    static TextLocator linear(Span start) {
        return (from, to) -> new Span(start.file(), start.line(), start.column() + Math.max(0, from),
                Math.max(0, to - from));
    }
}
