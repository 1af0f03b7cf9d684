package io.detc.diag;

import io.detc.source.Span;

/**
 * Renders a diagnostic in compiler style: {@code path:line:col: error[E301]: message}, then the source line and a
 * caret under the span, then the hint. Tabs before the caret are kept so the caret lines up in a terminal.
 */
public final class DiagnosticRenderer {
    private static final int MAX_LINE = 200;

    private DiagnosticRenderer() {
    }

    public static String render(Diagnostic d) {
        Span s = d.span();
        StringBuilder b = new StringBuilder();
        if (!s.isNone()) {
            b.append(s.file().path()).append(':').append(s.line()).append(':').append(s.column()).append(": ");
        }
        b.append(d.severity().label()).append('[').append(d.code().id()).append("]: ").append(d.message());
        String line = s.isNone() ? "" : s.file().line(s.line());
        if (!line.isEmpty() || (!s.isNone() && s.length() > 0)) {
            int col = Math.min(s.column() - 1, line.length());
            int start = Math.max(0, col - MAX_LINE / 2);
            int end = Math.min(line.length(), start + MAX_LINE);
            String shown = printable(line.substring(start, end));
            StringBuilder pad = new StringBuilder();
            for (int i = start; i < col; i++) {
                pad.append(line.charAt(i) == '\t' ? '\t' : ' ');
            }
            int carets = Math.max(1, Math.min(s.length(), end - col));
            b.append("\n  | ").append(start > 0 ? "..." : "").append(shown).append(end < line.length() ? "..." : "");
            b.append("\n  | ").append(start > 0 ? "   " : "").append(pad).append("^".repeat(carets));
        }
        if (!d.hint().isEmpty()) {
            b.append("\n  = help: ").append(d.hint());
        }
        return b.toString();
    }

    /** Control characters would corrupt a terminal; show them as the Unicode replacement character. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 && c != '\t' || c == 0x7f ? '\uFFFD' : c);
        }
        return b.toString();
    }
}
